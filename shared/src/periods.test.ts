import { describe, expect, it } from 'vitest';
import {
  compareQuarters,
  currentQuarter,
  formatQuarter,
  lastCompleteQuarter,
  nextQuarter,
  parseQuarter,
  previousQuarter,
  QuarterSchema,
  quarterEndDate,
  quarterFromIndex,
  quarterIndex,
  quarterLabel,
  quarterRange,
  quartersOfYear,
  sameQuarterLastYear,
  shiftQuarterWithin,
  yearOf,
} from './periods';

const INVALID = [
  '2025Q5',
  '2025Q0',
  '2025q1',
  ' 2025Q1',
  '2025Q1 ',
  '2025 Q1',
  '1999Q4',
  '2101Q1',
  '25Q1',
  '',
  '2025-Q1',
  '2025Q1\n',
];

describe('QuarterSchema and parseQuarter', () => {
  it.each([
    ['2025Q2', 2025, 2],
    ['2000Q1', 2000, 1],
    ['2100Q4', 2100, 4],
  ])('accepts %s', (s, year, q) => {
    expect(QuarterSchema.safeParse(s).success).toBe(true);
    expect(parseQuarter(s)).toEqual({ year, q });
  });

  it.each(INVALID.map((s) => [s]))('refuses %j', (s) => {
    expect(QuarterSchema.safeParse(s).success).toBe(false);
    expect(() => parseQuarter(s)).toThrow(RangeError);
  });
});

describe('formatQuarter', () => {
  it('writes YYYYQn', () => expect(formatQuarter({ year: 2025, q: 3 })).toBe('2025Q3'));
  it.each([[{ year: 1999, q: 1 }], [{ year: 2025.5, q: 1 }], [{ year: 2025, q: 5 }]])(
    'refuses %j',
    (parts) => {
      expect(() => formatQuarter(parts as never)).toThrow(RangeError);
    },
  );
});

describe('quarter arithmetic', () => {
  it.each([
    ['2025Q2', 'fr', 'T2 2025'],
    ['2025Q2', 'en', 'Q2 2025'],
  ] as const)('quarterLabel(%s, %s) = %s', (q, lang, label) => {
    expect(quarterLabel(q, lang)).toBe(label);
  });

  it.each([
    ['2025Q1', '2024Q4', '2025Q2', '2024Q1'],
    ['2024Q4', '2024Q3', '2025Q1', '2023Q4'],
    ['2001Q3', '2001Q2', '2001Q4', '2000Q3'],
  ])('%s: previous %s, next %s, last year %s', (q, prev, next, lastYear) => {
    expect(previousQuarter(q)).toBe(prev);
    expect(nextQuarter(q)).toBe(next);
    expect(sameQuarterLastYear(q)).toBe(lastYear);
    expect(quarterFromIndex(quarterIndex(q))).toBe(q);
  });

  it('throws outside 2000–2100', () => {
    expect(() => previousQuarter('2000Q1')).toThrow(RangeError);
    expect(() => nextQuarter('2100Q4')).toThrow(RangeError);
    expect(() => sameQuarterLastYear('2000Q4')).toThrow(RangeError);
  });

  it.each([
    ['2025Q1', '2025Q2', -1],
    ['2025Q2', '2025Q2', 0],
    ['2026Q1', '2025Q4', 1],
  ])('compareQuarters(%s, %s) = %s', (a, b, expected) => {
    expect(compareQuarters(a, b)).toBe(expected);
  });

  it.each([
    ['2024Q3', '2025Q1', ['2024Q3', '2024Q4', '2025Q1']],
    ['2025Q2', '2025Q2', ['2025Q2']],
    ['2025Q3', '2025Q2', []],
  ])('quarterRange(%s, %s)', (from, to, expected) => {
    expect(quarterRange(from, to)).toEqual(expected);
  });

  it('quarterRange allows 400 quarters and refuses 401', () => {
    expect(quarterRange('2000Q1', '2099Q4')).toHaveLength(400);
    expect(() => quarterRange('2000Q1', '2100Q1')).toThrow(RangeError);
    expect(() => quarterRange('2000Q1', 'x')).toThrow(RangeError);
  });

  it('quartersOfYear and yearOf', () => {
    expect(quartersOfYear(2025)).toEqual(['2025Q1', '2025Q2', '2025Q3', '2025Q4']);
    expect(() => quartersOfYear(1999)).toThrow(RangeError);
    expect(yearOf('2031Q4')).toBe(2031);
  });

  it.each([
    ['2025Q1', '2025-03-31'],
    ['2025Q2', '2025-06-30'],
    ['2025Q3', '2025-09-30'],
    ['2024Q4', '2024-12-31'],
  ])('quarterEndDate(%s) = %s', (q, date) => {
    expect(quarterEndDate(q)).toBe(date);
  });
});

describe('quarters of a date (UTC)', () => {
  it.each([
    ['2025-05-10T12:00:00Z', '2025Q2', '2025Q1'],
    ['2025-04-01T00:00:00Z', '2025Q2', '2025Q1'],
    ['2025-03-31T23:59:59Z', '2025Q1', '2024Q4'],
    ['2025-01-01T00:00:00Z', '2025Q1', '2024Q4'],
    ['2025-12-31T23:59:59Z', '2025Q4', '2025Q3'],
  ])('%s: current %s, last complete %s', (iso, current, lastComplete) => {
    expect(currentQuarter(new Date(iso))).toBe(current);
    expect(lastCompleteQuarter(new Date(iso))).toBe(lastComplete);
  });

  it('refuses an invalid date', () => {
    expect(() => currentQuarter(new Date('nope'))).toThrow(RangeError);
    expect(() => lastCompleteQuarter(new Date('2000-02-01T00:00:00Z'))).toThrow(RangeError);
  });
});

describe('shiftQuarterWithin', () => {
  it.each([
    ['2025Q2', -7, '2023Q3'],
    ['2025Q2', 3, '2026Q1'],
    ['2001Q2', -7, '2000Q1'],
    ['2000Q3', -4, '2000Q1'],
    ['2100Q3', 5, '2100Q4'],
  ])('%s by %i → %s', (q, delta, expected) => {
    expect(shiftQuarterWithin(q, delta)).toBe(expected);
  });
});
