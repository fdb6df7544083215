import type { PeriodState } from '@ptce/shared/periods.wire';
import { describe, expect, it } from 'vitest';
import { deadlineOf } from './home-model';

const RULES = { deadlineDays: 30, resubmitDays: 15 };
const step = (kind: 'submit' | 'validate' | 'sendBack' | 'reopen', at: string) => ({
  kind,
  reason: kind === 'sendBack' || kind === 'reopen' ? 'À revoir' : null,
  at,
  by: 'Claire Martin',
  byRole: null,
});
const state = (
  period: string,
  status: PeriodState['status'],
  transition: PeriodState['transition'] = null,
) => ({ period, status, transition });

describe('deadlineOf', () => {
  it.each([
    ['2026Q3', 30, '2026-10-30'],
    ['2026Q4', 30, '2027-01-30'],
    ['2024Q1', 0, '2024-03-31'],
    ['2024Q4', 60, '2025-03-01'],
  ])('a quarter never moved: %s + %i days = %s', (q, days, expected) => {
    expect(deadlineOf(state(q, 'draft'), { deadlineDays: days, resubmitDays: 15 })).toBe(expected);
  });

  it.each([
    // sent back late: 15 days from the day of the sending back
    ['sendBack', '2026-11-20T15:00:00Z', '2026-12-05'],
    ['reopen', '2026-11-20T15:00:00Z', '2026-12-05'],
    ['sendBack', '2026-10-28T23:59:00Z', '2026-11-12'],
    // sent back early enough: the quarter's own deadline stands
    ['sendBack', '2026-10-05T12:00:00Z', '2026-10-30'],
    ['reopen', '2026-10-15T08:00:00Z', '2026-10-30'],
  ] as const)('a draft whose last step is %s at %s: due %s', (kind, at, expected) => {
    expect(deadlineOf(state('2026Q3', 'draft', step(kind, at)), RULES)).toBe(expected);
  });

  it('follows resubmitDays', () => {
    const back = state('2026Q3', 'draft', step('sendBack', '2026-11-20T15:00:00Z'));
    expect(deadlineOf(back, { deadlineDays: 30, resubmitDays: 30 })).toBe('2026-12-20');
    expect(deadlineOf(back, { deadlineDays: 30, resubmitDays: 0 })).toBe('2026-11-20');
  });

  it.each([
    ['submitted', step('submit', '2026-12-01T10:00:00Z')],
    ['validated', step('validate', '2026-12-03T10:00:00Z')],
  ] as const)('a quarter %s again after a sending back: its own deadline', (status, last) => {
    expect(deadlineOf(state('2026Q3', status, last), RULES)).toBe('2026-10-30');
  });
});
