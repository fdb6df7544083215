import { describe, expect, it } from 'vitest';
import {
  countWarnings,
  daysLate,
  draftDeadline,
  QUALITY_WEIGHTS,
  type QualityFacts,
  qualityParts,
  qualityScore,
  quarterDeadline,
  timelinessOf,
} from './quality';

describe('quarterDeadline', () => {
  it.each([
    ['2026Q3', 30, '2026-10-30'],
    ['2026Q4', 30, '2027-01-30'],
    ['2024Q1', 30, '2024-04-30'],
    ['2024Q1', 0, '2024-03-31'],
    ['2025Q2', 45, '2025-08-14'],
  ])('%s + %i days → %s', (period, days, deadline) => {
    expect(quarterDeadline(period, days)).toBe(deadline);
  });
});

describe('draftDeadline', () => {
  const rules = { deadlineDays: 30, resubmitDays: 15 };
  it.each([
    ['2026Q3', null, '2026-10-30'],
    // sent back before the deadline, and early enough: the quarter's own deadline stands
    ['2026Q3', '2026-10-05T12:00:00Z', '2026-10-30'],
    // sent back on the day that makes both the same
    ['2026Q3', '2026-10-15T09:00:00Z', '2026-10-30'],
    // sent back late: 15 days from the day of the sending back (its UTC day)
    ['2026Q3', '2026-10-28T23:59:00Z', '2026-11-12'],
    ['2024Q1', '2026-11-20T08:00:00Z', '2026-12-05'],
    // across a year's end
    ['2026Q4', '2027-01-25T10:00:00Z', '2027-02-09'],
  ])('%s reopened at %s → %s', (period, reopenedAt, expected) => {
    expect(draftDeadline(period, rules, reopenedAt)).toBe(expected);
  });

  it('follows both settings', () => {
    expect(draftDeadline('2026Q3', { deadlineDays: 0, resubmitDays: 0 }, null)).toBe('2026-09-30');
    // reopened the same day with no days to resubmit: due that very day
    expect(
      draftDeadline('2026Q3', { deadlineDays: 0, resubmitDays: 0 }, '2026-12-01T10:00:00Z'),
    ).toBe('2026-12-01');
    expect(
      draftDeadline('2026Q3', { deadlineDays: 30, resubmitDays: 45 }, '2026-10-01T10:00:00Z'),
    ).toBe('2026-11-15');
  });
});

describe('daysLate', () => {
  it.each([
    ['2026-10-30', '2026-10-01T00:00:00Z', 0],
    // the deadline day is whole: not late until it is over
    ['2026-10-30', '2026-10-30T23:59:59Z', 0],
    ['2026-10-30', '2026-10-31T00:00:00Z', 1],
    ['2026-10-30', '2026-11-06T23:00:00Z', 7],
    ['2026-10-30', '2026-11-07T00:00:00Z', 8],
  ])('deadline %s at %s → %i', (deadline, now, expected) => {
    expect(daysLate(deadline, new Date(now))).toBe(expected);
  });
});

describe('timelinessOf', () => {
  const now = new Date('2026-11-29T10:00:00Z');
  it.each([
    // 2026Q3 is due on 2026-10-30 (the whole day, UTC).
    ['2026Q3', '2026-10-12T08:00:00.000Z', 'onTime'],
    ['2026Q3', '2026-10-30T23:59:59.000Z', 'onTime'],
    ['2026Q3', '2026-10-31T00:00:00.000Z', 'late'],
    ['2026Q3', null, 'late'],
    // 2026Q4 is due on 2027-01-30: not yet.
    ['2026Q4', null, 'pending'],
    ['2026Q4', '2026-11-20T00:00:00.000Z', 'onTime'],
    // 2026Q2 was due on 2026-07-30.
    ['2026Q2', '2026-09-01T00:00:00.000Z', 'late'],
  ] as const)('%s first submitted %s → %s', (period, at, expected) => {
    expect(timelinessOf(period, 30, at, now)).toBe(expected);
  });

  it('turns late once the deadline day is over, not before', () => {
    expect(timelinessOf('2026Q3', 30, null, new Date('2026-10-30T23:59:59Z'))).toBe('pending');
    expect(timelinessOf('2026Q3', 30, null, new Date('2026-10-31T00:00:00Z'))).toBe('late');
  });
});

describe('countWarnings', () => {
  it('counts warnings and, among them, the O rules by id; errors never', () => {
    const issues = [
      { rule: 'W1', severity: 'warning' },
      { rule: 'O1', severity: 'warning' },
      { rule: 'O3', severity: 'warning' },
      { rule: 'E1', severity: 'error' },
      { rule: 'W7', severity: 'warning' },
      { rule: 'O12', severity: 'warning' },
      { rule: 'XO1', severity: 'warning' },
    ];
    expect(countWarnings(issues)).toEqual({ warnings: 6, outliers: 2 });
    expect(countWarnings([])).toEqual({ warnings: 0, outliers: 0 });
  });
});

const facts = (f: Partial<QualityFacts> = {}): QualityFacts => ({
  filled: 40,
  expected: 40,
  timeliness: 'onTime',
  outliers: 0,
  overridden: 0,
  ...f,
});

describe('qualityParts', () => {
  it.each<[Partial<QualityFacts>, ReturnType<typeof qualityParts>]>([
    [{}, { completeness: 100, timeliness: 100, outliers: 100, overridden: 100 }],
    [
      { filled: 9, timeliness: 'late', outliers: 1, overridden: 2 },
      { completeness: 22.5, timeliness: 0, outliers: 75, overridden: 60 },
    ],
    [
      { outliers: 7, overridden: 9 },
      { completeness: 100, timeliness: 100, outliers: 0, overridden: 0 },
    ],
    [
      { filled: 0, timeliness: 'late' },
      { completeness: 0, timeliness: 0, outliers: null, overridden: null },
    ],
    [
      { filled: 0, expected: 0, timeliness: 'pending' },
      { completeness: null, timeliness: null, outliers: null, overridden: null },
    ],
  ])('%j → %j', (f, parts) => {
    expect(qualityParts(facts(f))).toEqual(parts);
  });
});

describe('qualityScore', () => {
  it('weighs the parts 50 / 20 / 20 / 10', () => {
    expect(QUALITY_WEIGHTS).toEqual({
      completeness: 50,
      timeliness: 20,
      outliers: 20,
      overridden: 10,
    });
  });

  it.each<[string, Partial<QualityFacts>, number | null]>([
    ['all good', {}, 100],
    // 0.5×22.5 + 0.2×0 + 0.2×75 + 0.1×60 = 11.25 + 15 + 6 = 32.25
    [
      '9/40, late, 1 outlier, 2 overrides',
      { filled: 9, timeliness: 'late', outliers: 1, overridden: 2 },
      32,
    ],
    // 0.5×100 + 0.2×0 + 0.2×100 + 0.1×100 = 80
    ['complete but late', { timeliness: 'late' }, 80],
    // 0.5×75 + 20 + 20 + 10 = 87.5 → 88
    ['30/40 on time', { filled: 30 }, 88],
    // nothing entered, due: completeness and timeliness only, both 0
    ['nothing entered and late', { filled: 0, timeliness: 'late' }, 0],
    ['still open and not due', { filled: 12, timeliness: 'pending' }, null],
    // no expected value: timeliness, outliers, overrides (20 + 20×75/100 + 10) / 50 = 90
    ['nothing expected', { filled: 2, expected: 0, outliers: 1 }, 90],
  ])('%s → %s', (_, f, score) => {
    expect(qualityScore(facts(f))).toBe(score);
  });

  it('takes other weights', () => {
    expect(
      qualityScore(facts({ timeliness: 'late' }), {
        completeness: 1,
        timeliness: 1,
        outliers: 0,
        overridden: 0,
      }),
    ).toBe(50);
  });
});
