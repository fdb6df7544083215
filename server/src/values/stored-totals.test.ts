import { loadCatalogue } from '@ptce/data/catalogue';
import { quarterRange } from '@ptce/shared/periods';
import { ratioTermSlices } from '@ptce/shared/slices';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ValueRow } from '../db/database';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';
import {
  markQuartersStale,
  poleSeriesJson,
  refreshQuarter,
  storeEntries,
} from './quarter-totals.repository';
import { findStoredTotals } from './stored-totals';
import { type CellRow, findRows, findTotalRows, upsertValues } from './values.repository';

let t: TestInstance;
let poleId: number;
let groups: number[];
const catalogue = loadCatalogue();
const terms = ratioTermSlices(catalogue);
const codes = catalogue.indicators.map((i) => i.code).slice(0, 5);
const periods = quarterRange('2024Q1', '2025Q4');
const VALUES = [0, 1, 12.5, 0.1 + 0.2, -3, 1e21, 123456789.125, 2 ** 53];

const sorted = (rows: CellRow[]) =>
  rows.map((r) => `${r.period}|${r.group_id}|${r.indicator_code}|${r.slice}|${r.value}`).sort();

/** Totals and a breakdown slice of every scope and code in `periods`, a few cleared. */
async function writeAll() {
  const rows: Array<Omit<ValueRow, 'id'>> = [];
  let n = 0;
  for (const group_id of groups)
    for (const period of periods)
      for (const indicator_code of codes)
        for (const slice of ['', 'sex=femme']) {
          n++;
          rows.push({
            pole_id: poleId,
            group_id,
            indicator_code,
            period,
            slice,
            value: n % 7 === 0 ? null : VALUES[n % VALUES.length]!,
            comment: null,
            override_reason: null,
            version: 1,
            updated_at: '2026-01-01T00:00:00.000Z',
            updated_by: null,
          });
        }
  await t.db.transaction().execute((trx) => upsertValues(trx, rows));
}

/** What the values hold: the entered totals of the series (findTotalRows, cleared ones out). */
async function fromValues(series: { groupIds: number[]; indicators: string[] }) {
  return sorted(
    (await findTotalRows(t.db, poleId, periods, series)).filter((r) => r.value !== null),
  );
}

const storedCells = async () =>
  (
    await t.db
      .selectFrom('quarter_totals')
      .select(['period', 'cells'])
      .where('pole_id', '=', poleId)
      .execute()
  ).filter((q) => q.cells !== null).length;

beforeEach(async () => {
  t = await createTestInstance();
  poleId = t.poleIds.get('henin-carvin')!;
  groups = (
    await t.db.selectFrom('working_groups').select('id').where('pole_id', '=', poleId).execute()
  ).map((g) => g.id);
  await writeAll();
});
afterEach(async () => {
  await t.close();
});

describe('findStoredTotals', () => {
  const series = () => ({ groupIds: groups.slice(0, 2), indicators: codes.slice(1, 4) });

  it('reads the entered totals the values hold from the stored cells, exactly', async () => {
    // Nothing stored yet: read from the values.
    expect(await storedCells()).toBe(0);
    const expected = await fromValues(series());
    expect(expected.length).toBeGreaterThan(20);
    expect(sorted(await findStoredTotals(t.db, poleId, periods, series(), terms))).toEqual(
      expected,
    );
    // Stored by a dashboard read: the same rows, numbers included (1e21, 2^53, 0.1 + 0.2).
    await poleSeriesJson(
      t.db,
      { id: poleId, slug: 'henin-carvin' },
      periods[0]!,
      periods.at(-1)!,
      terms,
    );
    expect(await storedCells()).toBe(periods.length);
    const read = await findStoredTotals(t.db, poleId, periods, series(), terms);
    expect(sorted(read)).toEqual(expected);
    expect(read.every((r) => r.slice === '')).toBe(true);
    // Other series, one scope, no quarter, no series.
    const one = { groupIds: [groups[0]!], indicators: [codes[0]!] };
    expect(sorted(await findStoredTotals(t.db, poleId, periods, one, terms))).toEqual(
      await fromValues(one),
    );
    expect(await findStoredTotals(t.db, poleId, [], series(), terms)).toEqual([]);
    expect(
      await findStoredTotals(t.db, poleId, periods, { groupIds: [], indicators: codes }, terms),
    ).toEqual([]);
  });

  it('reads from the values a quarter written since, stored with other terms or another format', async () => {
    await poleSeriesJson(
      t.db,
      { id: poleId, slug: 'henin-carvin' },
      periods[0]!,
      periods.at(-1)!,
      terms,
    );
    // 2024Q2 written without its cells rebuilt (marked stale, as every writer does).
    await t.db
      .updateTable('values')
      .set({ value: 777 })
      .where('pole_id', '=', poleId)
      .where('period', '=', '2024Q2')
      .where('slice', '=', '')
      .execute();
    await markQuartersStale(t.db, [{ pole_id: poleId, period: '2024Q2' }]);
    // 2024Q3 and 2025Q1: cells that are wrong, stored as if built with other terms or in an
    // older format: never read.
    const wrong = { entries: '', cells: `${groups[0]}\t${codes[1]}\t\n999` };
    const stamps = new Map(
      (
        await t.db
          .selectFrom('quarter_totals')
          .select(['period', 'stamp'])
          .where('pole_id', '=', poleId)
          .execute()
      ).map((q) => [q.period, q.stamp]),
    );
    await storeEntries(t.db, poleId, new Map([['2024Q3', wrong]]), terms.slice(1), stamps);
    await t.db
      .updateTable('quarter_totals')
      .set({ terms: '2:old', cells: wrong.cells })
      .where('pole_id', '=', poleId)
      .where('period', '=', '2025Q1')
      .execute();
    const read = sorted(await findStoredTotals(t.db, poleId, periods, series(), terms));
    expect(read).toEqual(await fromValues(series()));
    expect(read.some((r) => r.startsWith('2024Q2|') && r.endsWith('|777'))).toBe(true);
    expect(read.some((r) => r.endsWith('|999'))).toBe(false);
  });

  it('follows a save’s own rewrite of its quarter in the same transaction', async () => {
    await poleSeriesJson(
      t.db,
      { id: poleId, slug: 'henin-carvin' },
      periods[0]!,
      periods.at(-1)!,
      terms,
    );
    await t.db.transaction().execute(async (trx) => {
      const rows = await findRows(trx, poleId, ['2025Q3']);
      const changed = rows.map((r) => ({ ...r, value: r.slice === '' ? 4242 : r.value }));
      await upsertValues(trx, changed, { refreshed: true });
      await refreshQuarter(trx, poleId, '2025Q3', changed, terms);
      const read = await findStoredTotals(trx, poleId, ['2025Q3'], series(), terms);
      expect(read.length).toBeGreaterThan(0);
      expect(read.every((r) => r.value === 4242)).toBe(true);
    });
    expect(sorted(await findStoredTotals(t.db, poleId, periods, series(), terms))).toEqual(
      await fromValues(series()),
    );
  });
});
