import { buildFigures } from '@ptce/shared/figures/figures';
import type { Scope } from '@ptce/shared/poles.schema';
import { catalogueFixture } from '@ptce/shared/test-fixtures/catalogue.fixture';
import type { StoredValue } from '@ptce/shared/values.schema';
import { describe, expect, it } from 'vitest';
import { type ReportRow, reportRows, reportStart } from './report-rows';

const TE = 'transition-ecologique';
const SCOPE: Scope = {
  slug: TE,
  name: 'Transition écologique',
  kind: 'group',
  indicators: ['TE-DECHETS-COLLECTES', 'TE-DECHETS-REEMPLOI', 'TE-TAUX-VALORISATION', 'UNKNOWN'],
};
const v = (
  indicator: string,
  period: string,
  value: number,
  comment: string | null = null,
  scope = TE,
): StoredValue => ({
  scope,
  indicator,
  period,
  slice: '',
  value,
  comment,
  overrideReason: null,
  version: 1,
  updatedAt: '',
  updatedBy: null,
});
const VALUES = [
  v('TE-DECHETS-COLLECTES', '2024Q2', 50),
  v('TE-DECHETS-COLLECTES', '2025Q1', 40),
  v('TE-DECHETS-COLLECTES', '2025Q2', 60, 'Nouvelle benne.'),
  v('TE-DECHETS-COLLECTES', '2025Q2', 999, null, 'pole'),
  { ...v('TE-DECHETS-COLLECTES', '2025Q2', 7), slice: 'waste_stream=deee', comment: 'Détail' },
  v('TE-DECHETS-REEMPLOI', '2024Q2', 10),
  v('TE-DECHETS-REEMPLOI', '2025Q1', 10),
  v('TE-DECHETS-REEMPLOI', '2025Q2', 20),
  v('TE-DECHETS-RECYCLES', '2025Q2', 10),
];
const TARGETS = [
  {
    scope: TE,
    indicator: 'TE-DECHETS-COLLECTES',
    year: 2025,
    value: 200,
    updatedAt: '',
    updatedBy: null,
  },
  {
    scope: TE,
    indicator: 'TE-DECHETS-REEMPLOI',
    year: 2024,
    value: 1,
    updatedAt: '',
    updatedBy: null,
  },
];
const rows = reportRows(
  {
    catalogue: catalogueFixture,
    figures: buildFigures(catalogueFixture, VALUES, { from: reportStart('2025Q2'), to: '2025Q2' }),
    values: VALUES,
    targets: TARGETS,
  },
  SCOPE,
  '2025Q2',
);
const row = (code: string) => rows.find((r) => r.indicator.code === code);

describe('reportRows', () => {
  it('keeps the scope order and drops indicators missing from the catalogue', () => {
    expect(rows.map((r) => r.indicator.code)).toEqual([
      'TE-DECHETS-COLLECTES',
      'TE-DECHETS-REEMPLOI',
      'TE-TAUX-VALORISATION',
    ]);
  });

  it.each<[string, Partial<ReportRow>]>([
    [
      'TE-DECHETS-COLLECTES',
      {
        value: 60,
        previous: 40,
        lastYear: 50,
        change: { mode: 'relative', value: 0.2 },
        ytd: 100,
        target: 200,
        progress: 0.5,
        comment: 'Nouvelle benne.',
        trend: [null, null, null, 50, null, null, 40, 60],
      },
    ],
    // a target of another year does not count
    ['TE-DECHETS-REEMPLOI', { value: 20, ytd: 30, target: null, progress: null, comment: null }],
    // ratio recomputed: (20 + 10) ÷ 60 this quarter; (10 + 20 + 10) ÷ 100 over the year
    [
      'TE-TAUX-VALORISATION',
      { value: 50, previous: 25, lastYear: 20, change: { mode: 'points', value: 30 }, ytd: 40 },
    ],
  ])('%s', (code, expected) => {
    expect(row(code)).toMatchObject(expected);
  });

  it.each([
    ['2025Q2', '2023Q3'],
    ['2025Q4', '2024Q1'],
    ['2025Q1', '2023Q2'],
  ])('the report of %s reads values from %s', (period, start) => {
    expect(reportStart(period)).toBe(start);
  });
});
