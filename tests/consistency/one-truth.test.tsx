import type { AggregateRow } from '@ptce/shared/aggregation/aggregation.types';
import { GroupAggregator } from '@ptce/shared/aggregation/group-aggregator';
import type { Indicator } from '@ptce/shared/catalogue.schema';
import { seriesKey } from '@ptce/shared/figures/figures';
import { latestStats } from '@ptce/shared/figures/indicator-stats';
import { formatValue } from '@ptce/shared/format';
import { quarterRange } from '@ptce/shared/periods';
import type { StoredValue } from '@ptce/shared/values.schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { trendRows } from '../../web/src/features/dashboard/chart-data';
import { useDashboardData } from '../../web/src/features/dashboard/use-dashboard-data';
import { actAs, exportRows, getJson, openDemo, settle } from './in-process-api';

// What a CRESS sees: for every pole of its region, every indicator tracked by every scope, each
// quarter and year from 2024, the dashboard's figures — through the hook and statistics the page
// uses, formatted as it displays them — equal the export's; and the region total of the export
// equals the engine run over the values the CRESS reads of each pole. (screens.test.tsx reads
// the rendered pages of the demo pole's coordinator.)

const FROM = '2024Q1';
const TO = '2026Q3';
const QUARTERS = quarterRange(FROM, TO);
const YEARS = [2024, 2025, 2026];
const HC = 'henin-carvin';

let demo: Awaited<ReturnType<typeof openDemo>>;
let cress: string;
beforeAll(async () => {
  demo = await openDemo();
  cress = await demo.login('cress@hdf.demo');
});
afterAll(async () => {
  await demo?.close();
});

/** Export rows by `region|pole|scope|indicator|period` (totals only). */
function byCell(rows: AggregateRow[]) {
  const out = new Map<string, number | null>();
  for (const r of rows)
    if (r.slice === '')
      out.set(`${r.region}|${r.pole}|${r.scope}|${r.indicator}|${r.period}`, r.value);
  return out;
}

/** Collects every disagreement, and how many non-empty numbers were compared. */
function judge() {
  const mismatches: string[] = [];
  let compared = 0;
  return {
    mismatches,
    get compared() {
      return compared;
    },
    same(
      where: string,
      indicator: Indicator,
      shown: number | null | undefined,
      file: number | null | undefined,
    ) {
      const a = formatValue(shown, indicator, 'fr');
      const b = formatValue(file, indicator, 'fr');
      if (a !== b) mismatches.push(`${where}: screen ${a}, export ${b}`);
      else if (a !== '—') compared++;
    },
  };
}

/** The dashboard's tiles, its trend chart by quarter and by year, against the export. */
async function checkDashboard(cookie: string, pole: string, region: string) {
  actAs(demo.app, cookie);
  const quarter = byCell(
    await exportRows(
      demo.app,
      cookie,
      `level=scope&by=quarter&from=${FROM}&to=${TO}&poles=${pole}`,
    ),
  );
  const year = byCell(
    await exportRows(demo.app, cookie, `level=scope&by=year&from=${FROM}&to=${TO}&poles=${pole}`),
  );
  const j = judge();
  const wide = await settle(() => useDashboardData(pole, FROM, TO));
  const tiles = new Map<string, Awaited<ReturnType<typeof settle<typeof wide>>>>();
  for (const q of QUARTERS) tiles.set(q, await settle(() => useDashboardData(pole, q, q)));
  const byCode = new Map(wide.catalogue.indicators.map((i) => [i.code, i]));
  for (const scope of wide.pole.scopes) {
    for (const code of scope.indicators) {
      const ind = byCode.get(code)!;
      const key = (period: string) => `${region}|${pole}|${scope.slug}|${code}|${period}`;
      const targetOf = (y: number) => wide.targetOf(scope.slug, code, y);
      const trend = (by: 'quarter' | 'year') =>
        trendRows(
          (by === 'quarter' ? wide.figures.quarterly : wide.figures.yearly).get(
            seriesKey(scope.slug, code),
          ),
          { by, from: FROM, to: TO, kind: ind.kind, targetOf },
        );
      for (const row of trend('quarter'))
        j.same(
          `${pole} chart ${scope.slug} ${code} ${row.period}`,
          ind,
          row.value,
          quarter.get(key(row.period)),
        );
      for (const row of trend('year'))
        j.same(
          `${pole} chart ${scope.slug} ${code} ${row.period}`,
          ind,
          row.value,
          year.get(key(row.period)),
        );
      for (const q of QUARTERS) {
        const data = tiles.get(q)!;
        const tile = latestStats(data.figures, scope.slug, ind, { from: q, to: q }, (y) =>
          data.targetOf(scope.slug, code, y),
        );
        j.same(
          `${pole} tile ${scope.slug} ${code} ${q}`,
          ind,
          tile.latest?.value,
          quarter.get(key(q)),
        );
      }
    }
  }
  expect(YEARS.map(String)).toEqual(trendRowsYears(wide));
  return j;
}

const trendRowsYears = (data: {
  figures: { yearly: ReadonlyMap<string, ReadonlyMap<string, unknown>> };
}) =>
  [...new Set([...data.figures.yearly.values()].flatMap((s) => [...s.keys()]))]
    .filter((p) => p >= String(YEARS[0]))
    .sort();

describe('one truth for a CRESS: its poles and its region', () => {
  it('a CRESS sees the same numbers on every pole of its region', async () => {
    for (const pole of [HC, 'demo-littoral', 'demo-sambre']) {
      const j = await checkDashboard(cress, pole, 'HDF');
      expect(j.mismatches).toEqual([]);
      expect(j.compared).toBeGreaterThan(500);
    }
  });

  it('a CRESS’s region total equals the engine over the values it reads of each pole', async () => {
    const poles = [HC, 'demo-littoral', 'demo-sambre'];
    for (const by of ['quarter', 'year'] as const) {
      const file = byCell(
        await exportRows(demo.app, cress, `level=region&by=${by}&from=${FROM}&to=${TO}&region=HDF`),
      );
      const catalogue = await getJson(demo.app, cress, '/api/catalogue');
      const engine = new GroupAggregator(catalogue, { by, from: FROM, to: TO });
      engine.begin({ region: 'HDF', pole: '', scope: '' });
      for (const pole of poles) {
        const detail = await getJson(demo.app, cress, `/api/poles/${pole}`);
        const { values } = await getJson(
          demo.app,
          cress,
          `/api/poles/${pole}/values?from=${FROM}&to=${TO}`,
        );
        for (const scope of detail.scopes as Array<{ slug: string; indicators: string[] }>) {
          engine.member(scope.indicators);
          for (const v of values as StoredValue[])
            if (v.scope === scope.slug) engine.cell(v.indicator, v.slice, v.period, v.value);
        }
        engine.pole(() => 'draft');
      }
      const j = judge();
      const byCode = new Map(
        (catalogue.indicators as Indicator[]).map((i) => [i.code, i] as const),
      );
      const rows = engine.end().filter((r) => r.slice === '');
      for (const r of rows)
        j.same(
          `region ${r.indicator} ${r.period}`,
          byCode.get(r.indicator)!,
          r.value,
          file.get(`HDF|||${r.indicator}|${r.period}`),
        );
      expect(rows.length).toBe([...file.keys()].length);
      expect(j.mismatches).toEqual([]);
      expect(j.compared).toBeGreaterThan(by === 'quarter' ? 300 : 80);
    }
  });
});
