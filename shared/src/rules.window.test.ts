import { describe, expect, it } from 'vitest';
import { rulesWindow } from './rules.window';

const NOW = new Date('2026-08-15T12:00:00Z'); // in 2026Q3

describe('rulesWindow', () => {
  it.each([
    [
      'the current quarter: its year and the quarter before, no next',
      '2026Q3',
      null,
      ['2026Q1', '2026Q2', '2026Q3', '2026Q4'],
    ],
    [
      'a past Q2: the next quarter is in the same year',
      '2026Q2',
      '2026Q3',
      ['2026Q1', '2026Q2', '2026Q3', '2026Q4'],
    ],
    [
      'a past Q4: the next quarter and its year',
      '2025Q4',
      '2026Q1',
      ['2025Q1', '2025Q2', '2025Q3', '2025Q4', '2026Q1', '2026Q2', '2026Q3', '2026Q4'],
    ],
    [
      'a past Q1: the Q4 before',
      '2025Q1',
      '2025Q2',
      ['2024Q4', '2025Q1', '2025Q2', '2025Q3', '2025Q4'],
    ],
    [
      'the first quarter: nothing before it',
      '2000Q1',
      '2000Q2',
      ['2000Q1', '2000Q2', '2000Q3', '2000Q4'],
    ],
  ])('%s', (_name, period, next, quarters) => {
    const window = rulesWindow(period, NOW);
    expect(window.period).toBe(period);
    expect(window.next).toBe(next);
    expect([...window.quarters].sort()).toEqual(quarters);
  });

  it('lists the 12 quarters before the checked one for the outlier rules, most recent first', () => {
    const { history } = rulesWindow('2026Q3', NOW);
    expect(history).toHaveLength(12);
    expect(history.slice(0, 5)).toEqual(['2026Q2', '2026Q1', '2025Q4', '2025Q3', '2025Q2']);
    expect(history.at(-1)).toBe('2023Q3');
    expect(rulesWindow('2000Q3', NOW).history).toEqual(['2000Q2', '2000Q1']);
    expect(rulesWindow('2000Q1', NOW).history).toEqual([]);
  });

  it('treats a quarter after now like the current one', () => {
    expect(rulesWindow('2027Q1', NOW).next).toBeNull();
  });

  it('refuses an invalid quarter', () => {
    expect(() => rulesWindow('2026Q5', NOW)).toThrow(RangeError);
  });
});
