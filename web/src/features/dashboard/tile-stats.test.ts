import { aggregateSeries } from '@ptce/shared/aggregate-series';
import type { Cell } from '@ptce/shared/domain.types';
import { catalogueFixture } from '@ptce/shared/test-fixtures/catalogue.fixture';
import { describe, expect, it } from 'vitest';
import { indexSeries, seriesKey } from './chart-data';
import { createYtdLookup, type TileOptions, tileStats } from './tile-stats';

const TE = 'transition-ecologique';
const cell = (indicator: string, period: string, value: number): Cell => ({
  scope: TE,
  indicator,
  period,
  slice: '',
  value,
});
const CELLS: Cell[] = [
  cell('TE-DECHETS-COLLECTES', '2024Q2', 50),
  cell('TE-DECHETS-COLLECTES', '2025Q1', 40),
  cell('TE-DECHETS-COLLECTES', '2025Q2', 60),
  cell('TE-DECHETS-COLLECTES', '2025Q4', 999), // after the range: never counted
  cell('TE-DECHETS-REEMPLOI', '2024Q2', 10),
  cell('TE-DECHETS-REEMPLOI', '2025Q1', 10),
  cell('TE-DECHETS-REEMPLOI', '2025Q2', 30),
  cell('TE-DECHETS-RECYCLES', '2025Q2', 0),
  cell('TE-SENSIBILISATION-ACTIONS', '2024Q2', 0),
  cell('TE-SENSIBILISATION-ACTIONS', '2025Q2', 4),
];
const index = indexSeries(
  aggregateSeries(catalogueFixture, CELLS, { by: 'quarter', from: '2024Q1', to: '2025Q4' }),
);
const ytd = createYtdLookup(catalogueFixture, CELLS);

const stats = (code: string, o: Partial<TileOptions> = {}) =>
  tileStats(index.get(seriesKey(TE, code)), {
    from: '2024Q4',
    to: '2025Q3',
    kind: 'flow',
    unit: 'tonnes',
    targetOf: (year) => (year === 2025 ? 200 : null),
    ytdAt: (q) => ytd(TE, code, q),
    ...o,
  });

describe('tileStats', () => {
  it('takes the last entered quarter of the range, compares with the same quarter last year and sums the year to date', () => {
    expect(stats('TE-DECHETS-COLLECTES')).toEqual({
      latest: { period: '2025Q2', value: 60 },
      lastYear: { period: '2024Q2', value: 50 },
      change: { mode: 'relative', value: 0.2 },
      progress: { year: 2025, ytd: 100, target: 200, ratio: 0.5 },
      spark: [null, 40, 60, null],
    });
  });

  it.each([
    // a percentage changes in points; year to date = Σ reused+recycled ÷ Σ collected
    ['TE-TAUX-VALORISATION', 'ratio', 'percent', { mode: 'points', value: 50 - 20 }, 40],
    // no change computable from a zero base
    ['TE-SENSIBILISATION-ACTIONS', 'flow', 'count', null, 4],
    // a stock's year to date is its latest value
    ['TE-DECHETS-REEMPLOI', 'stock', 'tonnes', { mode: 'relative', value: 2 }, 30],
  ] as const)('%s (%s, %s): change %j, year to date %s', (code, kind, unit, change, ytdValue) => {
    const s = stats(code, { kind, unit });
    expect(s.change).toEqual(change);
    expect(s.progress.ytd).toBeCloseTo(ytdValue, 10);
  });

  it('has no latest value, change or progress ratio when nothing was entered', () => {
    expect(stats('TE-DECHETS-RECYCLES', { from: '2024Q3', to: '2025Q1' })).toEqual({
      latest: null,
      lastYear: null,
      change: null,
      progress: { year: 2025, ytd: null, target: 200, ratio: null },
      spark: [null, null, null],
    });
  });

  it('gives no progress ratio without a target or with a target of 0', () => {
    expect(stats('TE-DECHETS-COLLECTES', { targetOf: () => null }).progress.ratio).toBeNull();
    expect(stats('TE-DECHETS-COLLECTES', { targetOf: () => 0 }).progress.ratio).toBeNull();
  });
});

describe('createYtdLookup', () => {
  it.each([
    ['TE-DECHETS-COLLECTES', '2025Q1', 40],
    ['TE-DECHETS-COLLECTES', '2025Q2', 100],
    ['TE-DECHETS-COLLECTES', '2024Q4', 50],
    ['TE-DECHETS-RECYCLES', '2025Q1', null],
  ])('%s up to %s = %s', (code, upTo, expected) => {
    expect(ytd(TE, code, upTo)).toBe(expected);
  });
});
