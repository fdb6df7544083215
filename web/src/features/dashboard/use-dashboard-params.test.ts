import { describe, expect, it } from 'vitest';
import { defaultEnd, readDashboardParams } from './use-dashboard-params';

const AUG_2025 = new Date('2025-08-14T10:00:00Z'); // current 2025Q3, last complete 2025Q2

describe('defaultEnd', () => {
  it.each([
    [null, '2025Q2'],
    ['2024Q4', '2025Q2'],
    ['2025Q2', '2025Q2'],
    ['2025Q3', '2025Q3'],
    ['2026Q1', '2025Q3'],
  ])('latest entered %s → %s', (latest, expected) => {
    expect(defaultEnd(AUG_2025, latest)).toBe(expected);
  });
});

describe('readDashboardParams', () => {
  it.each([
    ['', '2025Q3', { ready: true, from: '2022Q4', to: '2025Q3', by: 'quarter', open: null }],
    [
      'du=2024Q1&au=2024Q4&pas=annee',
      undefined,
      { ready: true, from: '2024Q1', to: '2024Q4', by: 'year' },
    ],
    ['du=2025Q1&au=2024Q1', undefined, { from: '2024Q1', to: '2025Q1' }],
    ['du=nope&au=2025Q9', null, { ready: true, from: '2022Q3', to: '2025Q2' }],
    ['du=2025Q1', undefined, { ready: false }],
    [
      'perimetre=pole&indicateur=PTCE-MEMBRES',
      null,
      { open: { scope: 'pole', indicator: 'PTCE-MEMBRES' } },
    ],
    ['indicateur=PTCE-MEMBRES', null, { open: null }],
  ])('?%s with latest %s', (search, latest, expected) => {
    expect(readDashboardParams(new URLSearchParams(search), AUG_2025, latest)).toMatchObject(
      expected,
    );
  });
});
