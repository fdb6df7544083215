import type { PeriodWithCompleteness } from '@ptce/shared/periods.schema';
import { describe, expect, it } from 'vitest';
import { latestEnteredQuarter, missingQuarters, periodsWindow } from './completeness';

const period = (p: string, scopes: Array<[string, number, number]>): PeriodWithCompleteness => ({
  period: p,
  status: 'draft',
  reason: null,
  updatedAt: null,
  updatedBy: null,
  transition: null,
  scopes: scopes.map(([scope, filled, expected]) => ({ scope, filled, expected })),
});

const PERIODS = [
  period('2025Q3', [
    ['pole', 0, 19],
    ['te', 7, 7],
  ]),
  period('2025Q1', [
    ['te', 7, 7],
    ['pole', 19, 19],
  ]),
  period('2025Q2', [
    ['te', 3, 7],
    ['pole', 18, 19],
  ]),
  period('2024Q4', [['te', 0, 7]]),
];

describe('missingQuarters', () => {
  it.each([
    [
      '2025Q1',
      '2025Q4',
      [
        { period: '2025Q2', scopes: ['te 3/7', 'pole 18/19'] },
        { period: '2025Q3', scopes: ['pole 0/19'] },
      ],
    ],
    ['2025Q1', '2025Q1', []],
    ['2024Q4', '2024Q4', [{ period: '2024Q4', scopes: ['te 0/7'] }]],
  ])('from %s to %s', (from, to, expected) => {
    const got = missingQuarters(PERIODS, from, to, ['te', 'pole']).map((m) => ({
      period: m.period,
      scopes: m.scopes.map((s) => `${s.scope} ${s.filled}/${s.expected}`),
    }));
    expect(got).toEqual(expected);
  });
});

describe('latestEnteredQuarter', () => {
  it.each([
    [PERIODS, '2025Q3'],
    [PERIODS.filter((p) => p.period !== '2025Q3'), '2025Q2'],
    [[period('2025Q4', [['te', 0, 7]])], null],
    [[], null],
  ])('%# → %s', (periods, expected) => {
    expect(latestEnteredQuarter(periods)).toBe(expected);
  });
});

describe('periodsWindow', () => {
  it('spans Q1 nine years back to the current quarter', () => {
    expect(periodsWindow(new Date('2025-08-14T10:00:00Z'))).toEqual({
      from: '2016Q1',
      to: '2025Q3',
    });
  });
});
