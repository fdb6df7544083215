import type { Indicator } from '@ptce/shared/catalogue.schema';
import { seriesKey } from '@ptce/shared/figures/figures';
import { latestStats, statsAt, yearFigure } from '@ptce/shared/figures/indicator-stats';
import { formatValue } from '@ptce/shared/format';
import { quartersOfYear } from '@ptce/shared/periods';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../../server/src/test-support/client';
import { seedValues } from '../../server/src/test-support/seed-values';
import { createTestInstance, type TestInstance } from '../../server/src/test-support/test-instance';
import { trendRows } from '../../web/src/features/dashboard/chart-data';
import { useDashboardData } from '../../web/src/features/dashboard/use-dashboard-data';
import { useEntryData } from '../../web/src/features/entry/use-entry-data';
import { EMPTY_DRAFT } from '../../web/src/features/entry/use-entry-draft';
import { useEntryGrid } from '../../web/src/features/entry/use-entry-grid';
import { reportRows } from '../../web/src/features/report/report-rows';
import { useReportData } from '../../web/src/features/report/use-report-data';
import { useTargetsData } from '../../web/src/features/targets/use-targets-data';
import { actAs, exportRows, settle } from './in-process-api';

// The old disagreement: TE-TAUX-VALORISATION = (réemploi + recyclage) ÷ collecte × 100 with a
// quarter whose numerator is entered and whose denominator is not (or the reverse). A year is
// Σ num ÷ Σ den over the quarters where both sides were entered; each case's old "each side
// summed on its own" answer is given to show that the case would have told the engines apart.

const POLE = 'henin-carvin';
const S = 'transition-ecologique';
const R = 'TE-DECHETS-REEMPLOI';
const RC = 'TE-DECHETS-RECYCLES';
const C = 'TE-DECHETS-COLLECTES';
const RATIO = 'TE-TAUX-VALORISATION';

type Cells = Array<[indicator: string, quarter: 1 | 2 | 3 | 4, value: number]>;
// [case, year, cells, ratio per quarter, ratio of the year, old per-side answer of the year]
// biome-ignore format: one case per line
const CASES: Array<[string, number, Cells, Array<number | null>, number | null, number | null]> = [
  ['numerator without denominator in Q2', 2023, [[R, 1, 10], [C, 1, 100], [R, 2, 20], [R, 3, 5], [C, 3, 50]], [10, null, 10, null], 10, (35 / 150) * 100],
  ['denominator without numerator in Q2', 2024, [[R, 1, 10], [C, 1, 100], [C, 2, 100], [R, 3, 30], [C, 3, 100]], [10, null, 30, null], 20, (40 / 300) * 100],
  ['one numerator term missing in Q2', 2025, [[R, 1, 10], [RC, 1, 5], [C, 1, 100], [R, 2, 10], [C, 2, 100]], [15, 10, null, null], 12.5, 12.5],
  ['only a numerator all year', 2022, [[R, 1, 10], [R, 2, 10]], [null, null, null, null], null, null],
];

let t: TestInstance;
let cookie: string;
beforeAll(async () => {
  t = await createTestInstance();
  cookie = await login(t, 'coord@hc.test');
  await seedValues(
    t,
    POLE,
    CASES.flatMap(([, year, cells]) =>
      cells.map(([code, q, v]) => [S, code, `${year}Q${q}`, v] as [string, string, string, number]),
    ),
  );
  actAs(t.app, cookie);
});
afterAll(async () => {
  await t?.close();
});

describe('a ratio with a side missing gives one answer on every screen and in every file', () => {
  it.each(CASES)('%s', async (_name, year, _cells, quarters, yearly, old) => {
    const ind = (await t.deps.catalogue.get()).indicators.find((i) => i.code === RATIO)!;
    const show = (v: number | null | undefined) => formatValue(v, ind as Indicator, 'fr');
    const want = quarters.map(show);
    const [from, to] = [`${year}Q1`, `${year}Q4`];
    const qs = quartersOfYear(year);
    const file = async (by: string) =>
      (
        await exportRows(t.app, cookie, `level=scope&by=${by}&from=${from}&to=${to}&poles=${POLE}`)
      ).filter((r) => r.scope === S && r.indicator === RATIO && r.slice === '');
    const inFile = (rows: Awaited<ReturnType<typeof file>>, period: string) =>
      show(rows.find((r) => r.period === period)?.value);

    const byQuarter = await file('quarter');
    const byYear = await file('year');
    const dash = await settle(() => useDashboardData(POLE, from, to));
    const trend = (by: 'quarter' | 'year') =>
      trendRows(
        (by === 'quarter' ? dash.figures.quarterly : dash.figures.yearly).get(seriesKey(S, RATIO)),
        { by, from, to, kind: 'ratio', targetOf: () => null },
      );
    const tiles: string[] = [];
    const reports: string[] = [];
    const grids: string[] = [];
    for (const q of qs) {
      const d = await settle(() => useDashboardData(POLE, q, q));
      tiles.push(
        show(latestStats(d.figures, S, ind, { from: q, to: q }, () => null).latest?.value),
      );
      const r = await settle(() => useReportData(POLE, q));
      const scope = r.pole.scopes.find((s) => s.slug === S)!;
      reports.push(show(reportRows(r, scope, q).find((x) => x.indicator.code === RATIO)?.value));
      const e = await settle(() => useEntryData(POLE, q, S));
      const grid = await settle(() => {
        const g = useEntryGrid(e, scope, q, EMPTY_DRAFT, 'fr');
        return { data: g, error: null };
      });
      grids.push(show(grid.figures.quarterly.get(seriesKey(S, RATIO))?.get(q)?.value));
    }
    const report4 = await settle(() => useReportData(POLE, to));
    const scope = report4.pole.scopes.find((s) => s.slug === S)!;
    const targets = await settle(() => useTargetsData(POLE, year + 1));
    const entry4 = await settle(() => useEntryData(POLE, to, S));
    const grid4 = await settle(() => ({
      data: useEntryGrid(entry4, scope, to, EMPTY_DRAFT, 'fr'),
      error: null,
    }));

    // every quarter
    expect(qs.map((q) => inFile(byQuarter, q))).toEqual(want);
    expect(trend('quarter').map((r) => show(r.value))).toEqual(want);
    expect(tiles).toEqual(want);
    expect(reports).toEqual(want);
    expect(grids).toEqual(want);
    // the year
    const y = show(yearly);
    expect(inFile(byYear, String(year))).toBe(y);
    expect(show(trend('year')[0]?.value)).toBe(y);
    expect(show(reportRows(report4, scope, to).find((x) => x.indicator.code === RATIO)?.ytd)).toBe(
      y,
    );
    expect(show(yearFigure(targets.lastYear, S, ind, year).value)).toBe(y);
    expect(show(statsAt(grid4.figures, S, ind, to, () => null).ytd)).toBe(y);
    if (old !== yearly) expect(show(old)).not.toBe(y);
  });
});
