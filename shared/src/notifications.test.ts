import { describe, expect, it } from 'vitest';
import {
  kindsFor,
  notificationLink,
  type ReminderRules,
  reminderAt,
  reminderQuarters,
  transitionKind,
} from './notifications';

const RULES: ReminderRules = {
  deadlineDays: 30,
  dueSoonDays: 7,
  overdueEveryDays: 7,
  overdueMax: 3,
  resubmitDays: 15,
};
const at = (iso: string) => new Date(iso);

describe('reminderAt', () => {
  it.each([
    // before the quarter is over: nothing, even within the due-soon window
    ['2026-09-30T12:00:00Z', RULES, null],
    ['2026-10-22T23:59:59Z', RULES, null],
    ['2026-10-23T00:00:00Z', RULES, { kind: 'dueSoon', deadline: '2026-10-30' }],
    ['2026-10-30T23:59:59Z', RULES, { kind: 'dueSoon', deadline: '2026-10-30' }],
    [
      '2026-10-31T00:00:00Z',
      RULES,
      { kind: 'overdue', deadline: '2026-10-30', step: 1, daysLate: 1 },
    ],
    [
      '2026-11-06T23:00:00Z',
      RULES,
      { kind: 'overdue', deadline: '2026-10-30', step: 1, daysLate: 7 },
    ],
    [
      '2026-11-07T00:00:00Z',
      RULES,
      { kind: 'overdue', deadline: '2026-10-30', step: 2, daysLate: 8 },
    ],
    [
      '2026-11-14T00:00:00Z',
      RULES,
      { kind: 'overdue', deadline: '2026-10-30', step: 3, daysLate: 15 },
    ],
    // never beyond overdueMax
    [
      '2026-12-02T09:00:00Z',
      RULES,
      { kind: 'overdue', deadline: '2026-10-30', step: 3, daysLate: 33 },
    ],
    [
      '2026-12-02T09:00:00Z',
      { ...RULES, overdueEveryDays: 0 },
      { kind: 'overdue', deadline: '2026-10-30', step: 1, daysLate: 33 },
    ],
    ['2026-12-02T09:00:00Z', { ...RULES, overdueMax: 0 }, null],
    ['2026-10-25T09:00:00Z', { ...RULES, dueSoonDays: 0 }, null],
  ] as const)('at %s', (now, rules, expected) => {
    expect(reminderAt('2026Q3', '2026-10-30', at(now), rules)).toEqual(expected);
  });

  it('a due-soon window longer than the deadline starts at the quarter’s end', () => {
    const rules = { ...RULES, dueSoonDays: 40 };
    expect(reminderAt('2026Q3', '2026-10-30', at('2026-09-30T12:00:00Z'), rules)).toBeNull();
    expect(reminderAt('2026Q3', '2026-10-30', at('2026-10-01T00:00:00Z'), rules)).toEqual({
      kind: 'dueSoon',
      deadline: '2026-10-30',
    });
  });
});

describe('reminderQuarters', () => {
  it.each([
    ['2026-12-02T09:00:00Z', '2020-01-01T00:00:00Z', ['2025Q4', '2026Q1', '2026Q2', '2026Q3']],
    // created in the fourth quarter: the third is reported, not the ones before
    ['2026-12-02T09:00:00Z', '2026-12-01T00:00:00Z', ['2026Q3']],
    ['2026-12-02T09:00:00Z', '2026-05-10T00:00:00Z', ['2026Q1', '2026Q2', '2026Q3']],
    ['2027-01-01T00:00:00Z', '2026-12-01T00:00:00Z', ['2026Q3', '2026Q4']],
  ])('at %s for a pole created %s', (now, created, expected) => {
    expect(reminderQuarters(at(now), created)).toEqual(expected);
  });
});

describe('notificationLink', () => {
  it.each([
    ['submitted', '/poles/henin-carvin/rapport/2026Q3'],
    ['validated', '/poles/henin-carvin/rapport/2026Q3'],
    ['sentBack', '/poles/henin-carvin/saisie/2026Q3/transition-ecologique'],
    ['reopened', '/poles/henin-carvin/saisie/2026Q3/transition-ecologique'],
    ['overdue', '/poles/henin-carvin/saisie/2026Q3/transition-ecologique'],
    ['dueSoon', '/poles/henin-carvin/saisie/2026Q3/transition-ecologique'],
    ['importApplied', '/poles/henin-carvin/saisie/2026Q3/transition-ecologique'],
  ] as const)('%s → %s', (kind, link) => {
    expect(notificationLink(kind, 'henin-carvin', '2026Q3', 'transition-ecologique')).toBe(link);
  });
});

describe('kindsFor and transitionKind', () => {
  it('gives each role its kinds', () => {
    expect(kindsFor(['board'])).toEqual(['validated']);
    expect(kindsFor(['cress'])).toEqual(['overdue', 'submitted']);
    expect(kindsFor(['admin'])).toEqual([]);
    expect(kindsFor(['coordinator', 'cress'])).toEqual([
      'dueSoon',
      'overdue',
      'submitted',
      'validated',
      'sentBack',
      'reopened',
      'importApplied',
    ]);
  });
  it.each([
    ['draft', 'submitted', 'submitted'],
    ['submitted', 'validated', 'validated'],
    ['submitted', 'draft', 'sentBack'],
    ['validated', 'draft', 'reopened'],
  ] as const)('%s → %s is %s', (from, to, kind) => {
    expect(transitionKind(from, to)).toBe(kind);
  });
});
