import { describe, expect, it } from 'vitest';
import { parseCellNumber } from './parse-number';

describe('parseCellNumber', () => {
  it.each([
    ['1234.5', 1234.5],
    ['1234,5', 1234.5],
    ['1 234,5', 1234.5],
    ['1\u202f234,5', 1234.5],
    ['1\u00a0234', 1234],
    ['1,234.5', 1234.5],
    ['-1,234,567.25', -1234567.25],
    ['  42 ', 42],
    ['-3', -3],
    ['1,234', 1.234],
    ['0', 0],
  ])('reads %j as %d', (text, expected) => {
    expect(parseCellNumber(text)).toBe(expected);
  });

  it.each(['', 'douze', '12abc', '1.234,5', '1,2,3', '1e3', 'NaN', '12 %', '1 23'])(
    'refuses %j',
    (text) => {
      expect(parseCellNumber(text)).toBeNull();
    },
  );
});
