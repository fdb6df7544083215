import { describe, expect, it } from 'vitest';
import { daysLate, deadlineOf } from './home-model';

describe('deadlineOf / daysLate', () => {
  it.each([
    ['2026Q3', 30, '2026-10-30'],
    ['2026Q4', 30, '2027-01-30'],
    ['2024Q1', 0, '2024-03-31'],
    ['2024Q4', 60, '2025-03-01'],
  ])('%s + %i days = %s', (q, days, expected) => {
    expect(deadlineOf(q, days)).toBe(expected);
  });

  it.each([
    ['2026-10-30', '2026-10-30T23:00:00Z', 0],
    ['2026-10-30', '2026-10-31T00:10:00Z', 1],
    ['2026-10-30', '2026-11-29T09:00:00Z', 30],
    ['2027-01-30', '2026-11-29T09:00:00Z', 0],
  ])('deadline %s on %s: %i days late', (deadline, now, expected) => {
    expect(daysLate(deadline, new Date(now))).toBe(expected);
  });
});
