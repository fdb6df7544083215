import { describe, expect, it } from 'vitest';
import { dashboardRange, exportRange, periodsRange, type RangeQuery } from './default-ranges';

const NOW = new Date('2026-11-29T10:00:00Z');

describe('periodsRange', () => {
  it.each<[string, Date, RangeQuery, { from: string; to: string }]>([
    ['eight quarters up to now', NOW, {}, { from: '2025Q1', to: '2026Q4' }],
    ['eight quarters up to `to`', NOW, { to: '2024Q2' }, { from: '2022Q3', to: '2024Q2' }],
    ['`from` as given', NOW, { from: '2026Q3' }, { from: '2026Q3', to: '2026Q4' }],
    ['both as given', NOW, { from: '2020Q1', to: '2021Q1' }, { from: '2020Q1', to: '2021Q1' }],
    ['never before 2000Q1', NOW, { to: '2000Q3' }, { from: '2000Q1', to: '2000Q3' }],
    [
      'from a date early in a year',
      new Date('2026-01-01T00:00:00Z'),
      {},
      { from: '2024Q2', to: '2026Q1' },
    ],
  ])('%s', (_what, now, q, expected) => {
    expect(periodsRange(now, q)).toEqual(expected);
  });
});

describe('exportRange', () => {
  it.each<[string, RangeQuery, { from: string; to: string }]>([
    ['Q1 two years back up to now', {}, { from: '2024Q1', to: '2026Q4' }],
    ['Q1 two years before `to`', { to: '2025Q2' }, { from: '2023Q1', to: '2025Q2' }],
    ['`from` as given', { from: '2026Q2' }, { from: '2026Q2', to: '2026Q4' }],
    ['never before 2000', { to: '2001Q3' }, { from: '2000Q1', to: '2001Q3' }],
  ])('%s', (_what, q, expected) => {
    expect(exportRange(NOW, q)).toEqual(expected);
  });
});

describe('dashboardRange', () => {
  it.each<[string, RangeQuery, { from: string; to: string }]>([
    ['twelve quarters up to the last complete one', {}, { from: '2023Q4', to: '2026Q3' }],
    ['twelve quarters up to `to`', { to: '2025Q2' }, { from: '2022Q3', to: '2025Q2' }],
    ['`from` as given', { from: '2026Q1' }, { from: '2026Q1', to: '2026Q3' }],
    ['never before 2000Q1', { to: '2001Q3' }, { from: '2000Q1', to: '2001Q3' }],
  ])('%s', (_what, q, expected) => {
    expect(dashboardRange(NOW, q)).toEqual(expected);
  });
});
