import { describe, expect, it } from 'vitest';
import { aggregateSeries, type SeriesPoint } from './aggregate-series';
import type { Cell } from './domain.types';
import { catalogueFixture } from './test-fixtures/catalogue.fixture';

const cell = (
  scope: string,
  indicator: string,
  period: string,
  value: number,
  slice = '',
): Cell => ({
  scope,
  indicator,
  period,
  slice,
  value,
});

const TE = 'transition-ecologique';
const CELLS: Cell[] = [
  ...['2025Q1', '2025Q2', '2025Q3', '2025Q4'].map((p, i) =>
    cell(TE, 'TE-DECHETS-COLLECTES', p, 10 * (i + 1)),
  ),
  ...['2025Q1', '2025Q2', '2025Q3'].map((p) => cell(TE, 'TE-DECHETS-REEMPLOI', p, 5)),
  cell(TE, 'TE-DECHETS-REEMPLOI', '2025Q1', 2, 'waste_stream=deee'),
  cell('pole', 'PTCE-MEMBRES', '2025Q3', 14),
  cell('pole', 'PTCE-MEMBRES', '2025Q4', 15),
  cell('pole', 'PTCE-MEMBRES', '2026Q1', 16),
  cell('pole', 'PTCE-MEMBRES', 'garbage', 99),
  cell('pole', 'UNKNOWN', '2025Q1', 1),
  cell('pole', 'PTCE-PART-FIN-PUBLICS', '2025Q1', 50),
];

function find(points: SeriesPoint[], scope: string, indicator: string, period: string, slice = '') {
  return points.find(
    (p) =>
      p.scope === scope && p.indicator === indicator && p.period === period && p.slice === slice,
  );
}

describe('aggregateSeries by year', () => {
  const points = aggregateSeries(catalogueFixture, CELLS, {
    by: 'year',
    from: '2025Q1',
    to: '2025Q4',
  });

  it.each([
    [TE, 'TE-DECHETS-COLLECTES', '', 100, true],
    [TE, 'TE-DECHETS-REEMPLOI', '', 15, false],
    [TE, 'TE-DECHETS-REEMPLOI', 'waste_stream=deee', 2, false],
    ['pole', 'PTCE-MEMBRES', '', 15, true],
    // Q4 has no numerator: the ratio sums both sides over Q1–Q3 only, 15 ÷ 60, not 15 ÷ 100
    [TE, 'TE-TAUX-VALORISATION', '', 25, false],
  ])('%s %s [%s] = %s, complete %s', (scope, indicator, slice, value, complete) => {
    expect(find(points, scope, indicator, '2025', slice)).toEqual({
      scope,
      indicator,
      slice,
      period: '2025',
      value,
      complete,
    });
  });

  it('ignores unknown indicators, entered ratios, invalid periods and other years', () => {
    expect(points.map((p) => p.indicator)).not.toContain('UNKNOWN');
    expect(find(points, 'pole', 'PTCE-PART-FIN-PUBLICS', '2025')).toBeUndefined();
    expect(points.every((p) => p.period === '2025')).toBe(true);
    expect(points).toHaveLength(5);
  });

  it('cuts a year at the range: year to date, a stock at the last quarter in range', () => {
    const ytd = aggregateSeries(catalogueFixture, CELLS, {
      by: 'year',
      from: '2025Q1',
      to: '2025Q3',
    });
    expect(find(ytd, TE, 'TE-DECHETS-COLLECTES', '2025')).toMatchObject({
      value: 60,
      complete: true,
    });
    expect(find(ytd, TE, 'TE-DECHETS-REEMPLOI', '2025')).toMatchObject({
      value: 15,
      complete: true,
    });
    const membres = CELLS.find((c) => c.indicator === 'PTCE-MEMBRES' && c.period === '2025Q3')!;
    expect(find(ytd, 'pole', 'PTCE-MEMBRES', '2025')).toMatchObject({
      value: membres.value,
      complete: true,
    });
  });

  it('gives a stock year without Q4 as null and incomplete', () => {
    const cells = [cell('pole', 'PTCE-MEMBRES', '2025Q1', 12)];
    expect(
      aggregateSeries(catalogueFixture, cells, { by: 'year', from: '2025Q1', to: '2025Q4' }),
    ).toEqual([
      {
        scope: 'pole',
        indicator: 'PTCE-MEMBRES',
        slice: '',
        period: '2025',
        value: null,
        complete: false,
      },
    ]);
  });
});

describe('aggregateSeries by quarter', () => {
  const points = aggregateSeries(catalogueFixture, CELLS, {
    by: 'quarter',
    from: '2025Q3',
    to: '2025Q4',
  });

  it.each([
    [TE, 'TE-DECHETS-COLLECTES', '2025Q3', 30, true],
    [TE, 'TE-TAUX-VALORISATION', '2025Q3', (5 / 30) * 100, false],
    [TE, 'TE-TAUX-VALORISATION', '2025Q4', null, false],
    ['pole', 'PTCE-MEMBRES', '2025Q4', 15, true],
  ])('%s %s %s = %s, complete %s', (scope, indicator, period, value, complete) => {
    const point = find(points, scope, indicator, period);
    if (value === null) expect(point?.value).toBeNull();
    else expect(point?.value).toBeCloseTo(value, 12);
    expect(point?.complete).toBe(complete);
  });

  it('keeps only the range', () => {
    expect(points.filter((p) => !['2025Q3', '2025Q4'].includes(p.period))).toEqual([]);
    expect(points).toHaveLength(7);
  });

  it('is empty when from is after to', () => {
    expect(
      aggregateSeries(catalogueFixture, CELLS, { by: 'quarter', from: '2026Q1', to: '2025Q1' }),
    ).toEqual([]);
  });

  it('refuses an invalid range bound', () => {
    expect(() =>
      aggregateSeries(catalogueFixture, [], { by: 'quarter', from: 'x', to: '2025Q1' }),
    ).toThrow(RangeError);
  });
});

describe('aggregateSeries across relabelled scopes', () => {
  it('sums scopes at the same date and recomputes ratios from the sums', () => {
    const cells = [
      cell('p1', 'DS-ENTREES-ACCOMPAGNEMENT', '2025Q1', 2),
      cell('p1', 'DS-ENTREES-ACCOMPAGNEMENT', '2025Q1', 1, 'residence=qpv'),
      cell('p2', 'DS-ENTREES-ACCOMPAGNEMENT', '2025Q1', 10),
      cell('p2', 'DS-ENTREES-ACCOMPAGNEMENT', '2025Q1', 2, 'residence=qpv'),
    ].map((c) => ({ ...c, scope: 'HDF' }));
    const points = aggregateSeries(catalogueFixture, cells, {
      by: 'quarter',
      from: '2025Q1',
      to: '2025Q1',
    });
    expect(find(points, 'HDF', 'DS-ENTREES-ACCOMPAGNEMENT', '2025Q1')?.value).toBe(12);
    expect(find(points, 'HDF', 'DS-PART-QPV', '2025Q1')).toMatchObject({
      value: 25,
      complete: true,
    });
  });

  it('aggregates 24 000 cells of 2 000 scopes', () => {
    const cells: Cell[] = [];
    for (let s = 0; s < 2000; s++) {
      for (const p of ['2024Q1', '2024Q2', '2024Q3', '2024Q4']) {
        cells.push(
          cell(`s${s}`, 'TE-DECHETS-COLLECTES', p, 4),
          cell(`s${s}`, 'TE-DECHETS-REEMPLOI', p, 1),
          cell(`s${s}`, 'TE-DECHETS-RECYCLES', p, 1),
        );
      }
    }
    const points = aggregateSeries(catalogueFixture, cells, {
      by: 'year',
      from: '2024Q1',
      to: '2024Q4',
    });
    expect(points).toHaveLength(2000 * 4);
    expect(find(points, 's7', 'TE-TAUX-VALORISATION', '2024')).toMatchObject({
      value: 50,
      complete: true,
    });
  });
});
