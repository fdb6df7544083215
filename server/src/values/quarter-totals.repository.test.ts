import { loadCatalogue } from '@ptce/data/catalogue';
import { quarterRange } from '@ptce/shared/periods';
import { ratioTermSlices } from '@ptce/shared/slices';
import { type PoleSeriesResponse, type StoredValue, seriesCells } from '@ptce/shared/values.wire';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ValueRow } from '../db/database';
import { findScopes } from '../poles/poles.repository';
import { call, login } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';
import { parseCells } from './quarter-entries';
import {
  dashboardValuesJson,
  markQuartersStale,
  poleSeriesJson,
  storeEntries,
} from './quarter-totals.repository';
import { findValues, upsertValues } from './values.repository';

let t: TestInstance;
let poleId: number;
let groups: Array<{ id: number; slug: string }>;
let users: number[];
const terms = ratioTermSlices(loadCatalogue());
const TERM = terms[0]!;
const codes = loadCatalogue()
  .indicators.map((i) => i.code)
  .filter((c) => c !== TERM.indicator)
  .slice(0, 6);
const periods = quarterRange('2023Q1', '2026Q3');
const COMMENTS = [
  null,
  'Relevé ASP',
  'guillemets " et \\ barre',
  'ligne\nsuivante',
  'été – ☂',
  '\u2028',
];
const VALUES = [0, 1, 12.5, 0.1 + 0.2, -3, 1e21, 123456789.125, 2 ** 53];

/** A deterministic generator (mulberry32). */
function random(seed: number) {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let x = Math.imul(a ^ (a >>> 15), 1 | a);
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x;
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

/** Values of every kind the answer carries, written as the app writes them (upsertValues). */
async function writeMany(
  seed: number,
  /** `gaps: false`: every cell written, none cleared (each quarter then has the same cells). */
  { gaps = true, quarters = periods }: { gaps?: boolean; quarters?: readonly string[] } = {},
) {
  const next = random(seed);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!;
  const rows: Array<Omit<ValueRow, 'id'>> = [];
  for (const g of groups)
    for (const period of quarters)
      for (const [indicator, slice] of [
        ...codes.map((c) => [c, ''] as const),
        [TERM.indicator, ''] as const,
        [TERM.indicator, TERM.slice] as const,
        // Another slice of the same indicator: never in the dashboard's answer.
        [TERM.indicator, 'residence=hors_qpv'] as const,
        [codes[0]!, 'sex=femme'] as const,
      ]) {
        if (next() < 0.25 && gaps) continue;
        rows.push({
          pole_id: poleId,
          group_id: g.id,
          indicator_code: indicator,
          period,
          slice,
          // A cleared value (tombstone) now and then: never in the answer.
          value: next() < 0.1 && gaps ? null : pick(VALUES),
          comment: pick(COMMENTS),
          override_reason: next() < 0.1 ? 'Chiffre confirmé par la CAF' : null,
          version: 1 + Math.floor(next() * 3),
          updated_at: `2026-0${1 + Math.floor(next() * 9)}-01T00:00:00.000Z`,
          updated_by: next() < 0.5 ? null : pick(users),
        });
      }
  await t.db.transaction().execute((trx) => upsertValues(trx, rows));
}

/** The first two working groups swap places (the pole scope stays last). */
async function swapFirstGroups() {
  const [first, second] = await t.db
    .selectFrom('working_groups')
    .select(['id', 'position'])
    .where('pole_id', '=', poleId)
    .where('is_pole', '=', 0)
    .orderBy('position')
    .execute();
  for (const [g, position] of [
    [first!, second!.position],
    [second!, first!.position],
  ] as const)
    await t.db.updateTable('working_groups').set({ position }).where('id', '=', g.id).execute();
}

/** What the values rows give, serialised as the route did before quarter_totals. */
async function fromRows(f: { from: string; to: string; groupId?: number; withTerms: boolean }) {
  const values = await findValues(t.db, poleId, {
    from: f.from,
    to: f.to,
    groupId: f.groupId,
    slice: '',
    terms: f.withTerms ? terms : [],
  });
  return JSON.stringify({ pole: 'henin-carvin', values });
}

const fromQuarters = (f: { from: string; to: string; groupId?: number; withTerms: boolean }) =>
  dashboardValuesJson(t.db, { id: poleId, slug: 'henin-carvin' }, f, terms);

const FILTERS = [
  { from: '2023Q4', to: '2026Q3', withTerms: true },
  { from: '2023Q4', to: '2026Q3', withTerms: false },
  { from: '2025Q2', to: '2025Q2', withTerms: true },
  // Quarters with no value at either end.
  { from: '2022Q1', to: '2027Q4', withTerms: true },
];

beforeEach(async () => {
  t = await createTestInstance();
  poleId = t.poleIds.get('henin-carvin')!;
  groups = await t.db
    .selectFrom('working_groups')
    .select(['id', 'slug'])
    .where('pole_id', '=', poleId)
    .execute();
  users = (await t.db.selectFrom('users').select('id').execute()).map((u) => u.id);
});
afterEach(async () => {
  await t.close();
});

describe('dashboardValuesJson', () => {
  it('writes the same bytes as the values rows, built and then stored, for every filter', async () => {
    await writeMany(1);
    for (const f of FILTERS) {
      const expected = await fromRows(f);
      expect(JSON.parse(expected).values.length).toBeGreaterThan(f.from === f.to ? 10 : 100);
      // First read: the quarters are built from the values; second: read from quarter_totals.
      expect(await fromQuarters(f)).toBe(expected);
      expect(await fromQuarters(f)).toBe(expected);
    }
    for (const g of groups) {
      const f = { from: '2023Q4', to: '2026Q3', groupId: g.id, withTerms: true };
      expect(await fromQuarters(f)).toBe(await fromRows(f));
    }
    const stored = await t.db
      .selectFrom('quarter_totals')
      .select(['period', 'entries'])
      .where('pole_id', '=', poleId)
      .execute();
    expect(stored.map((q) => q.period).sort()).toEqual(quarterRange('2022Q1', '2027Q4'));
    expect(stored.every((q) => q.entries !== null)).toBe(true);
  });

  it('follows every write, a reordering of the scopes and a renamed author', async () => {
    await writeMany(2);
    const f = FILTERS[0]!;
    expect(await fromQuarters(f)).toBe(await fromRows(f));
    await writeMany(3);
    expect(await fromQuarters(f)).toBe(await fromRows(f));
    await swapFirstGroups();
    await t.db.updateTable('users').set({ name: 'Nom « changé »' }).execute();
    const answer = await fromQuarters(f);
    expect(answer).toBe(await fromRows(f));
    expect(answer).toContain('"updatedBy":"Nom « changé »"');
  });

  it('rebuilds a quarter written since it was stored, or stored with other ratio terms', async () => {
    await writeMany(4);
    const f = FILTERS[0]!;
    await fromQuarters(f);
    const stampOf = async (period: string) =>
      (
        await t.db
          .selectFrom('quarter_totals')
          .select(['stamp', 'entries'])
          .where('pole_id', '=', poleId)
          .where('period', '=', period)
          .executeTakeFirstOrThrow()
      ).stamp;
    const before = await stampOf('2025Q1');
    // A write that bypassed upsertValues, then marked as every writer does.
    await t.db
      .updateTable('values')
      .set({ value: 777 })
      .where('pole_id', '=', poleId)
      .where('period', '=', '2025Q1')
      .where('slice', '=', '')
      .execute();
    await markQuartersStale(t.db, [{ pole_id: poleId, period: '2025Q1' }]);
    const stale = await t.db
      .selectFrom('quarter_totals')
      .select(['stamp', 'entries'])
      .where('pole_id', '=', poleId)
      .where('period', '=', '2025Q1')
      .executeTakeFirstOrThrow();
    expect(stale).toEqual({ stamp: before + 1, entries: null });
    await t.db
      .updateTable('quarter_totals')
      .set({ terms: 'another|catalogue' })
      .where('period', '=', '2024Q2')
      .execute();
    const answer = await fromQuarters(f);
    expect(answer).toBe(await fromRows(f));
    expect(answer).toContain('"period":"2025Q1","slice":"","value":777,');
  });
});

describe('storeEntries', () => {
  it('keeps out entries built before a write that moved their quarter’s stamp', async () => {
    const entriesOf = async (period: string) =>
      (await t.db
        .selectFrom('quarter_totals')
        .select(['stamp', 'entries', 'cells'])
        .where('pole_id', '=', poleId)
        .where('period', '=', period)
        .executeTakeFirst()) ?? null;
    const empty = { entries: '', cells: '' };
    const built = new Map([
      ['2025Q1', empty],
      ['2025Q2', empty],
    ]);
    // 2025Q1 was never stored and its first write came in between; 2025Q2 was stored stale (3).
    await markQuartersStale(t.db, [{ pole_id: poleId, period: '2025Q1' }]);
    for (let i = 0; i < 3; i++)
      await markQuartersStale(t.db, [{ pole_id: poleId, period: '2025Q2' }]);
    await storeEntries(t.db, poleId, built, terms, new Map([['2025Q2', 2]]));
    expect(await entriesOf('2025Q1')).toEqual({ stamp: 1, entries: null, cells: null });
    expect(await entriesOf('2025Q2')).toEqual({ stamp: 3, entries: null, cells: null });
    // Built with the stamps they still have: stored.
    await storeEntries(
      t.db,
      poleId,
      built,
      terms,
      new Map([
        ['2025Q1', 1],
        ['2025Q2', 3],
      ]),
    );
    expect(await entriesOf('2025Q1')).toEqual({ stamp: 1, ...empty });
    expect(await entriesOf('2025Q2')).toEqual({ stamp: 3, ...empty });
    // Never stored nor written: stored at 0.
    await storeEntries(t.db, poleId, new Map([['2024Q1', empty]]), terms, new Map());
    expect(await entriesOf('2024Q1')).toEqual({ stamp: 0, ...empty });
  });
});

/** The version of the pole scope's stored total (0 when none), cleared ones included. */
async function storedVersion(indicator: string, period: string): Promise<number> {
  const row = await t.db
    .selectFrom('values as v')
    .innerJoin('working_groups as g', 'g.id', 'v.group_id')
    .select('v.version')
    .where('v.pole_id', '=', poleId)
    .where('g.is_pole', '=', 1)
    .where('v.indicator_code', '=', indicator)
    .where('v.period', '=', period)
    .where('v.slice', '=', '')
    .executeTakeFirst();
  return row?.version ?? 0;
}

describe('GET /api/poles/{pole}/values?slice=', () => {
  it('answers the dashboard from quarter_totals, kept current by each save in its transaction', async () => {
    await writeMany(5);
    const coord = await login(t, 'coord@hc.test');
    const url = '/api/poles/henin-carvin/values?from=2024Q4&to=2026Q3&slice=&ratioTerms=true';
    const f = { from: '2024Q4', to: '2026Q3', withTerms: true };
    const first = await call(t, 'GET', url, { cookie: coord });
    expect(first.status).toBe(200);
    expect(JSON.stringify(first.json)).toBe(await fromRows(f));

    // The random rows may hold this cell already (which ones depends on the engine's row order
    // of the scopes): the save gives its version, as the grid would.
    const stored = (
      first.json as {
        values: Array<{ scope: string; indicator: string; period: string; version: number }>;
      }
    ).values.find(
      (v) => v.scope === 'pole' && v.indicator === 'PTCE-REUNIONS' && v.period === '2026Q3',
    );
    const version = stored?.version ?? (await storedVersion('PTCE-REUNIONS', '2026Q3'));
    const put = await call(t, 'PUT', '/api/poles/henin-carvin/values', {
      cookie: coord,
      body: {
        period: '2026Q3',
        entries: [
          { scope: 'pole', indicator: 'PTCE-REUNIONS', value: 41, comment: 'Saisi', version },
        ],
      },
    });
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    // Rebuilt by the save itself: the read has nothing to build.
    const q = await t.db
      .selectFrom('quarter_totals')
      .select(['stamp', 'entries'])
      .where('pole_id', '=', poleId)
      .where('period', '=', '2026Q3')
      .executeTakeFirstOrThrow();
    expect(q.stamp).toBeGreaterThan(1);
    expect(q.entries).toContain(
      `"indicator":"PTCE-REUNIONS","period":"2026Q3","slice":"","value":41,"comment":"Saisi","overrideReason":null,"version":${version + 1},"updatedAt":"2026-11-29T10:00:00.000Z"`,
    );
    const again = await call(t, 'GET', url, { cookie: coord });
    expect(JSON.stringify(again.json)).toBe(await fromRows(f));
    expect(again.json.values).toContainEqual(
      expect.objectContaining({
        scope: 'pole',
        indicator: 'PTCE-REUNIONS',
        period: '2026Q3',
        value: 41,
        updatedBy: 'coord',
      }),
    );

    // Cleared: out of the entries the save writes, and so of the answer.
    const clear = await call(t, 'PUT', '/api/poles/henin-carvin/values', {
      cookie: coord,
      body: {
        period: '2026Q3',
        entries: [{ scope: 'pole', indicator: 'PTCE-REUNIONS', value: null, version: version + 1 }],
      },
    });
    expect(clear.status).toBe(200);
    const cleared = await call(t, 'GET', url, { cookie: coord });
    expect(JSON.stringify(cleared.json)).toBe(await fromRows(f));
    expect(cleared.json.values).not.toContainEqual(
      expect.objectContaining({ scope: 'pole', indicator: 'PTCE-REUNIONS', period: '2026Q3' }),
    );
  });
});

/**
 * The series answer built the plain way from the values rows (the oracle): one series per scope
 * (the answers' scope order), indicator and slice of the totals and ratio terms, a value or null
 * per quarter of the range.
 */
async function seriesFromRows(from: string, to: string) {
  const values = await findValues(t.db, poleId, { from, to, slice: '', terms });
  const scopes = (
    await t.db
      .selectFrom('working_groups')
      .select(['slug', 'is_pole', 'position', 'id'])
      .where('pole_id', '=', poleId)
      .execute()
  )
    .sort((a, b) => a.is_pole - b.is_pole || a.position - b.position || a.id - b.id)
    .map((s) => s.slug);
  const range = quarterRange(from, to);
  const series = new Map<
    string,
    { scope: string; indicator: string; slice: string; values: (number | null)[] }
  >();
  for (const v of values) {
    const key = `${v.scope}|${v.indicator}|${v.slice}`;
    if (!series.has(key)) series.set(key, { ...v, values: range.map(() => null) } as never);
    series.get(key)!.values[range.indexOf(v.period)] = v.value;
  }
  const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
  const ordered = [...series.values()]
    .map(({ scope, indicator, slice, values: vs }) => ({ scope, indicator, slice, values: vs }))
    .sort(
      (a, b) =>
        scopes.indexOf(a.scope) - scopes.indexOf(b.scope) ||
        cmp(a.indicator, b.indicator) ||
        cmp(a.slice, b.slice),
    );
  return JSON.stringify({ pole: 'henin-carvin', from, to, periods: range, series: ordered });
}

describe('poleSeriesJson', () => {
  const seriesOf = (from: string, to: string) =>
    poleSeriesJson(t.db, { id: poleId, slug: 'henin-carvin' }, from, to, terms);

  it('gives the values rows’ totals and ratio terms as series, built, stored and after writes', async () => {
    await writeMany(6);
    for (const [from, to] of [
      ['2023Q4', '2026Q3'],
      ['2025Q2', '2025Q2'],
      ['2022Q1', '2027Q4'],
    ] as const) {
      const expected = await seriesFromRows(from, to);
      expect(JSON.parse(expected).series.length).toBeGreaterThan(20);
      expect(await seriesOf(from, to)).toBe(expected);
      expect(await seriesOf(from, to)).toBe(expected);
    }
    // The same cells and values as the dashboard's values answer, read from the same rows.
    const answer = JSON.parse(await seriesOf('2023Q4', '2026Q3'));
    const values = JSON.parse(
      await dashboardValuesJson(
        t.db,
        { id: poleId, slug: 'henin-carvin' },
        { from: '2023Q4', to: '2026Q3', withTerms: true },
        terms,
      ),
    ).values;
    const key = (c: { scope: string; indicator: string; period: string; slice: string }) =>
      `${c.scope}|${c.indicator}|${c.period}|${c.slice}`;
    expect(
      seriesCells(answer)
        .map((c) => `${key(c)}=${c.value}`)
        .sort(),
    ).toEqual(values.map((v: StoredValue) => `${key(v)}=${v.value}`).sort());
    await writeMany(7);
    expect(await seriesOf('2023Q4', '2026Q3')).toBe(await seriesFromRows('2023Q4', '2026Q3'));
    // A quarter stored with its entries only (as a server of the version before `cells` did):
    // rebuilt for the series, its stamp kept.
    await t.db
      .updateTable('quarter_totals')
      .set({ cells: null })
      .where('pole_id', '=', poleId)
      .where('period', '=', '2025Q3')
      .execute();
    expect(await seriesOf('2023Q4', '2026Q3')).toBe(await seriesFromRows('2023Q4', '2026Q3'));
    const q = await t.db
      .selectFrom('quarter_totals')
      .select(['cells'])
      .where('pole_id', '=', poleId)
      .where('period', '=', '2025Q3')
      .executeTakeFirstOrThrow();
    expect(q.cells?.split('\n').length).toBeGreaterThan(10);
  });

  it('gives the same bytes from the layout kept for the pole’s scopes when the quarters share their cells', async () => {
    // Every cell in every quarter but 2025Q2 (empty): one set of key lines.
    await writeMany(10, { gaps: false, quarters: periods.filter((p) => p !== '2025Q2') });
    // Scopes in another order than their ids: the answer's order is not the cells'.
    await swapFirstGroups();
    const scopes = await findScopes(t.db, poleId);
    const read = (from: string, to: string) =>
      poleSeriesJson(t.db, { id: poleId, slug: 'henin-carvin' }, from, to, terms, scopes);
    for (const [from, to] of [
      ['2023Q4', '2026Q3'],
      ['2022Q1', '2027Q4'],
      ['2025Q2', '2025Q2'],
    ] as const) {
      const expected = await seriesFromRows(from, to);
      expect(await read(from, to)).toBe(expected);
      expect(await read(from, to)).toBe(expected);
    }
    expect(JSON.parse(await read('2023Q4', '2026Q3')).series.length).toBeGreaterThan(20);
    // New values in the same cells; then a quarter with other cells than the rest.
    await writeMany(11, { gaps: false, quarters: ['2026Q3'] });
    expect(await read('2023Q4', '2026Q3')).toBe(await seriesFromRows('2023Q4', '2026Q3'));
    await writeMany(12, { quarters: ['2024Q1'] });
    expect(await read('2023Q4', '2026Q3')).toBe(await seriesFromRows('2023Q4', '2026Q3'));
  });

  it('reads a range longer than quarter_totals keeps from the values, storing nothing', async () => {
    await writeMany(8);
    const before = await t.db.selectFrom('quarter_totals').select('period').execute();
    expect(await seriesOf('2001Q1', '2100Q4')).toBe(await seriesFromRows('2001Q1', '2100Q4'));
    expect(await t.db.selectFrom('quarter_totals').select('period').execute()).toEqual(before);
  });
});

describe('GET /api/poles/{pole}/series', () => {
  it('answers the series, follows a save, and refuses a bad range or another pole', async () => {
    await writeMany(9);
    const coord = await login(t, 'coord@hc.test');
    const url = '/api/poles/henin-carvin/series?from=2024Q4&to=2026Q3';
    const first = await call(t, 'GET', url, { cookie: coord });
    expect(first.status).toBe(200);
    expect(JSON.stringify(first.json)).toBe(await seriesFromRows('2024Q4', '2026Q3'));
    const version = await storedVersion('PTCE-REUNIONS', '2026Q3');
    const put = await call(t, 'PUT', '/api/poles/henin-carvin/values', {
      cookie: coord,
      body: {
        period: '2026Q3',
        entries: [{ scope: 'pole', indicator: 'PTCE-REUNIONS', value: 41, version }],
      },
    });
    expect(put.status, JSON.stringify(put.json)).toBe(200);
    const again = await call(t, 'GET', url, { cookie: coord });
    expect(JSON.stringify(again.json)).toBe(await seriesFromRows('2024Q4', '2026Q3'));
    // Rebuilt by the save in its transaction, as the entries are.
    const stored = await t.db
      .selectFrom('quarter_totals')
      .select(['cells'])
      .where('pole_id', '=', poleId)
      .where('period', '=', '2026Q3')
      .executeTakeFirstOrThrow();
    const cells = parseCells(stored.cells!);
    const pole = groups.find((g) => g.slug === 'pole')!;
    const at = cells.keys.split('\n').indexOf(`${pole.id}\tPTCE-REUNIONS\t`);
    expect(cells.values[at]).toBe('41');
    const reunions = (again.json as PoleSeriesResponse).series.find(
      (s) => s.scope === 'pole' && s.indicator === 'PTCE-REUNIONS' && s.slice === '',
    );
    expect(reunions?.values.at(-1)).toBe(41);

    for (const bad of [
      '?from=2026Q3&to=2024Q4',
      '?from=2024Q4',
      '?from=2024Q5&to=2026Q3',
      '?from=2024Q4&to=2026Q3&slice=',
      '?from=2000Q4&to=2100Q4',
    ]) {
      const res = await call(t, 'GET', `/api/poles/henin-carvin/series${bad}`, { cookie: coord });
      expect(res.status, bad).toBe(400);
      expect((res.json as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
    }
    // The longest range (400 quarters): built from the values, not stored; longer is refused.
    const longest = await call(t, 'GET', '/api/poles/henin-carvin/series?from=2001Q1&to=2100Q4', {
      cookie: coord,
    });
    expect(longest.status, JSON.stringify(longest.json)).toBe(200);
    expect(JSON.stringify(longest.json)).toBe(await seriesFromRows('2001Q1', '2100Q4'));
    const other = await call(t, 'GET', '/api/poles/demo-littoral/series?from=2024Q4&to=2026Q3', {
      cookie: coord,
    });
    expect(other.status).toBe(404);
    const anonymous = await call(t, 'GET', url);
    expect(anonymous.status).toBe(401);
  });
});
