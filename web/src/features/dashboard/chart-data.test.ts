import { aggregateSeries } from '@ptce/shared/aggregate-series';
import type { Cell } from '@ptce/shared/domain.types';
import { indexSeries, seriesKey } from '@ptce/shared/figures/figures';
import { catalogueFixture } from '@ptce/shared/test-fixtures/catalogue.fixture';
import { describe, expect, it } from 'vitest';
import {
  chartPeriods,
  fetchStart,
  periodYearBefore,
  targetForPeriod,
  trendRows,
} from './chart-data';

const TE = 'transition-ecologique';
const cell = (indicator: string, period: string, value: number, slice = ''): Cell => ({
  scope: TE,
  indicator,
  period,
  slice,
  value,
});

// 2024: four quarters of collected tonnes; 2025: Q2 missing (a gap), Q1 and Q3 entered.
const CELLS: Cell[] = [
  ...['2024Q1', '2024Q2', '2024Q3', '2024Q4'].map((p, i) =>
    cell('TE-DECHETS-COLLECTES', p, 10 + i),
  ),
  cell('TE-DECHETS-COLLECTES', '2025Q1', 20),
  cell('TE-DECHETS-COLLECTES', '2025Q3', 40),
  cell('TE-DECHETS-COLLECTES', '2025Q1', 5, 'waste_stream=deee'),
  cell('TE-DECHETS-REEMPLOI', '2025Q1', 2),
  cell('TE-DECHETS-REEMPLOI', '2025Q3', 30),
  cell('TE-DECHETS-RECYCLES', '2025Q1', 3),
];

const series = (by: 'quarter' | 'year', code: string) =>
  indexSeries(aggregateSeries(catalogueFixture, CELLS, { by, from: '2024Q1', to: '2025Q4' })).get(
    seriesKey(TE, code),
  );

describe('chart periods', () => {
  it.each([
    ['quarter', '2024Q4', '2025Q2', ['2024Q4', '2025Q1', '2025Q2']],
    ['year', '2024Q4', '2025Q2', ['2024', '2025']],
    ['year', '2025Q1', '2025Q4', ['2025']],
  ] as const)('%s from %s to %s', (by, from, to, expected) => {
    expect(chartPeriods(by, from, to)).toEqual(expected);
  });

  it.each([
    ['2025Q2', '2024Q2'],
    ['2025Q1', '2024Q1'],
    ['2025', '2024'],
  ])('the period a year before %s is %s', (period, expected) => {
    expect(periodYearBefore(period)).toBe(expected);
  });

  it.each([
    ['2025Q3', '2024Q1'],
    ['2024Q1', '2023Q1'],
  ])('a chart from %s fetches from %s', (from, expected) => {
    expect(fetchStart(from)).toBe(expected);
  });
});

describe('targetForPeriod', () => {
  it.each([
    ['flow', 'quarter', 400, 100],
    ['flow', 'year', 400, 400],
    ['stock', 'quarter', 18, 18],
    ['ratio', 'quarter', 50, 50],
    ['ratio', 'year', 50, 50],
    ['flow', 'quarter', null, null],
  ] as const)('%s by %s, yearly %s → %s', (kind, by, yearly, expected) => {
    expect(targetForPeriod(kind, by, yearly)).toBe(expected);
  });
});

describe('trendRows', () => {
  const targetOf = (year: number) => (year === 2025 ? 200 : null);

  it('draws a missing quarter as a gap (null), never 0, aligned with last year and the target', () => {
    const rows = trendRows(series('quarter', 'TE-DECHETS-COLLECTES'), {
      by: 'quarter',
      from: '2025Q1',
      to: '2025Q4',
      kind: 'flow',
      targetOf,
    });
    expect(rows).toEqual([
      { period: '2025Q1', value: 20, lastYear: 10, target: 50, complete: true },
      { period: '2025Q2', value: null, lastYear: 11, target: 50, complete: false },
      { period: '2025Q3', value: 40, lastYear: 12, target: 50, complete: true },
      { period: '2025Q4', value: null, lastYear: 13, target: 50, complete: false },
    ]);
  });

  it('sums a flow by year and flags the partial year', () => {
    const rows = trendRows(series('year', 'TE-DECHETS-COLLECTES'), {
      by: 'year',
      from: '2024Q1',
      to: '2025Q4',
      kind: 'flow',
      targetOf,
    });
    expect(rows).toEqual([
      { period: '2024', value: 46, lastYear: null, target: null, complete: true },
      { period: '2025', value: 60, lastYear: 46, target: 200, complete: false },
    ]);
  });

  it.each([
    // (2 + 3) ÷ 20 × 100 in Q1; Q3 has no recycled tonnes: 30 ÷ 40 × 100
    ['quarter', '2025Q1', 25],
    ['quarter', '2025Q3', 75],
    // a year recomputes Σ parts ÷ Σ collected, not the mean of the quarterly rates (50)
    ['year', '2025', ((2 + 3 + 30) / 60) * 100],
  ] as const)('recomputes a ratio from its parts by %s (%s = %s)', (by, period, expected) => {
    const rows = trendRows(series(by, 'TE-TAUX-VALORISATION'), {
      by,
      from: '2025Q1',
      to: '2025Q4',
      kind: 'ratio',
      targetOf: () => null,
    });
    expect(rows.find((r) => r.period === period)?.value).toBeCloseTo(expected, 10);
  });

  it('gives an unknown series as all gaps', () => {
    const rows = trendRows(undefined, {
      by: 'quarter',
      from: '2025Q1',
      to: '2025Q2',
      kind: 'stock',
      targetOf: () => 7,
    });
    expect(rows.map((r) => [r.value, r.lastYear, r.target])).toEqual([
      [null, null, 7],
      [null, null, 7],
    ]);
  });

  it('indexes totals only, not breakdown slices', () => {
    expect(series('quarter', 'TE-DECHETS-COLLECTES')?.get('2025Q1')?.value).toBe(20);
  });
});
