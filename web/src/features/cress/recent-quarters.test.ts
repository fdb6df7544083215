import { describe, expect, it } from 'vitest';
import { recentQuarters } from './recent-quarters';

describe('recentQuarters', () => {
  it.each([
    [
      '2026-11-29T10:00:00Z',
      6,
      ['2025Q2', '2025Q3', '2025Q4', '2026Q1', '2026Q2', '2026Q3', '2026Q4'],
    ],
    ['2026-01-01T00:00:00Z', 2, ['2025Q3', '2025Q4', '2026Q1']],
    ['2025-03-31T23:59:59Z', 1, ['2024Q4', '2025Q1']],
  ])('on %s with %i complete quarters: %j', (iso, n, expected) => {
    const r = recentQuarters(new Date(iso), n);
    expect(r.quarters).toEqual(expected);
    expect(r.from).toBe(expected[0]);
    expect(r.to).toBe(expected.at(-1));
    expect(r.current).toBe(expected.at(-1));
  });
});
