import { describe, expect, it } from 'vitest';
import {
  aggregateAcross,
  aggregateOverTime,
  computeRatio,
  ratioValue,
  type TimeKind,
  yearPeriods,
} from './aggregate';
import { indicatorOf } from './test-fixtures/catalogue.fixture';

const YEAR = yearPeriods(2025);
const q = (period: string, value: number | null) => ({ period, value });

describe('aggregateOverTime', () => {
  it.each<[string, TimeKind, ReturnType<typeof q>[], string[], number | null, boolean]>([
    [
      'flow, full year',
      'flow',
      [q('2025Q1', 1), q('2025Q2', 2), q('2025Q3', 3), q('2025Q4', 4)],
      YEAR,
      10,
      true,
    ],
    [
      'flow, a quarter missing',
      'flow',
      [q('2025Q1', 1), q('2025Q3', 3), q('2025Q4', 4)],
      YEAR,
      8,
      false,
    ],
    [
      'flow, a null quarter',
      'flow',
      [q('2025Q1', 1), q('2025Q2', null), q('2025Q3', 3), q('2025Q4', 4)],
      YEAR,
      8,
      false,
    ],
    ['flow, nothing present', 'flow', [q('2025Q1', null)], YEAR, null, false],
    ['flow, zeros are values', 'flow', YEAR.map((p) => q(p, 0)), YEAR, 0, true],
    [
      'flow, other periods ignored',
      'flow',
      [q('2024Q4', 100), q('2025Q1', 1)],
      ['2025Q1'],
      1,
      true,
    ],
    ['stock, Q4 present', 'stock', [q('2025Q1', 9), q('2025Q4', 12)], YEAR, 12, true],
    ['stock, Q4 missing', 'stock', [q('2025Q1', 9), q('2025Q3', 11)], YEAR, null, false],
    [
      'stock, last expected quarter',
      'stock',
      [q('2025Q1', 9), q('2025Q2', 7)],
      ['2025Q1', '2025Q2'],
      7,
      true,
    ],
    ['stock, never summed', 'stock', YEAR.map((p) => q(p, 5)), YEAR, 5, true],
    ['flow, no expected period', 'flow', [q('2025Q1', 3)], [], null, true],
    ['stock, no expected period', 'stock', [q('2025Q1', 3)], [], null, false],
  ])('%s', (_name, kind, values, expected, value, complete) => {
    expect(aggregateOverTime(kind, values, expected)).toEqual({ value, complete });
  });
});

describe('aggregateAcross', () => {
  it.each<[TimeKind, Array<number | null>, number | null]>([
    ['flow', [1, 2, 3], 6],
    ['stock', [10, null, 5], 15],
    ['flow', [null, null], null],
    ['stock', [], null],
    ['flow', [0, null], 0],
  ])('%s %j → %s', (kind, values, expected) => {
    expect(aggregateAcross(kind, values)).toBe(expected);
  });
});

describe('ratioValue', () => {
  it.each([
    [1, 4, 100, 25],
    [3, 2, 1, 1.5],
    [0, 5, 100, 0],
    [1, 0, 100, null],
    [null, 5, 100, null],
    [5, null, 100, null],
  ])('%s ÷ %s × %s = %s', (num, den, scale, expected) => {
    expect(ratioValue(num, den, scale)).toBe(expected);
  });
});

describe('computeRatio', () => {
  const values: Record<string, number> = {
    'TE-DECHETS-REEMPLOI|': 3,
    'TE-DECHETS-RECYCLES|': 2,
    'TE-DECHETS-COLLECTES|': 10,
    'DS-ENTREES-ACCOMPAGNEMENT|': 40,
    'DS-ENTREES-ACCOMPAGNEMENT|residence=qpv': 10,
    'MS-SORTIES|': 0,
    'MS-SORTIES-POSITIVES|': 1,
  };
  const lookup = (indicator: string, slice: string) => values[`${indicator}|${slice}`] ?? null;

  it.each([
    ['TE-TAUX-VALORISATION', 50],
    ['DS-PART-QPV', 25],
    ['MS-TAUX-SORTIES-DYNAMIQUES', null],
    ['PTCE-PART-FIN-PUBLICS', null],
  ])('%s = %s', (code, expected) => {
    expect(computeRatio(indicatorOf(code), lookup)).toBe(expected);
  });

  it('sums the parts rather than averaging ratios', () => {
    // Two poles: 1/2 and 9/10. The mean of ratios would be 70 %; Σ÷Σ gives 10/12.
    const sums: Record<string, number> = {
      'TE-DECHETS-REEMPLOI': 1 + 9,
      'TE-DECHETS-COLLECTES': 2 + 10,
    };
    const ratio = computeRatio(indicatorOf('TE-TAUX-VALORISATION'), (i) => sums[i] ?? null);
    expect(ratio).toBeCloseTo((10 / 12) * 100, 12);
  });

  it('refuses a non-ratio indicator', () => {
    expect(() => computeRatio(indicatorOf('MS-SORTIES'), lookup)).toThrow(RangeError);
  });
});
