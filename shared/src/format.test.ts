import { describe, expect, it } from 'vitest';
import {
  exceedsDecimals,
  formatNumber,
  formatNumberFr,
  formatValue,
  NARROW_NBSP,
  parseNumberFr,
} from './format';

const S = NARROW_NBSP;

describe('formatNumberFr', () => {
  it.each([
    [1234.5, undefined, `1${S}234,5`],
    [0, undefined, '0'],
    [-0, undefined, '0'],
    [12, undefined, '12'],
    [999, undefined, '999'],
    [1000, undefined, `1${S}000`],
    [1234567.891, undefined, `1${S}234${S}567,891`],
    [-1234.5, undefined, `\u22121${S}234,5`],
    [0.1 + 0.2, undefined, '0,3'],
    [0.00001, undefined, '0'],
    [-0.00001, undefined, '0'],
    [1234.5, 2, `1${S}234,50`],
    [7231.5, 0, `7${S}232`],
    [100000, undefined, `100${S}000`],
    [-999, undefined, '\u2212999'],
    [-1000, undefined, `\u22121${S}000`],
    [-7, 0, '\u22127'],
    [-0, 0, '0'],
    [5, 2, '5,00'],
    [-5, 1, '\u22125,0'],
  ])('%s (decimals %s) → %s', (value, decimals, expected) => {
    expect(formatNumberFr(value, decimals)).toBe(expected);
  });

  it.each([[Number.NaN], [Number.POSITIVE_INFINITY]])('refuses %s', (value) => {
    expect(() => formatNumberFr(value)).toThrow(RangeError);
  });

  it('refuses a bad decimals count', () => {
    expect(() => formatNumberFr(1, 1.5)).toThrow(RangeError);
    expect(() => formatNumberFr(1, -1)).toThrow(RangeError);
  });
});

describe('formatNumber en', () => {
  it.each([
    [1234.5, undefined, '1,234.5'],
    [-1234567, undefined, '\u22121,234,567'],
    [3, 1, '3.0'],
  ])('%s (decimals %s) → %s', (value, decimals, expected) => {
    expect(formatNumber(value, 'en', decimals)).toBe(expected);
  });
});

describe('parseNumberFr', () => {
  it.each([
    ['1 234,5', 1234.5],
    ['1234.5', 1234.5],
    ['1 234,50', 1234.5],
    ['1\u00a0234,5', 1234.5],
    [`1${S}234,5`, 1234.5],
    [`1${S}234${S}567`, 1234567],
    ['-3', -3],
    ['\u22123,5', -3.5],
    ['+2', 2],
    ['-0', 0],
    ['  42  ', 42],
    ['0,25', 0.25],
    ['1,234', 1.234],
    ['007', 7],
  ])('%j → %s', (input, expected) => {
    expect(parseNumberFr(input)).toBe(expected);
  });

  it.each([
    [''],
    ['   '],
    ['1,2,3'],
    ['12abc'],
    ['NaN'],
    ['Infinity'],
    ['-Infinity'],
    ['1e3'],
    ['1.234,5'],
    ['1,234.5'],
    ['12 34'],
    ['1 2345'],
    [','],
    ['1,'],
    ['--1'],
    ['0x10'],
  ])('%j → null', (input) => {
    expect(parseNumberFr(input)).toBeNull();
  });

  it('round-trips formatNumberFr', () => {
    for (const value of [0, 1, -1, 1234.5, 987654.321, -0.5]) {
      expect(parseNumberFr(formatNumberFr(value))).toBe(value);
    }
  });
});

describe('formatValue (the catalogue decimals and unit)', () => {
  const N = '\u00a0';
  it.each([
    [13700.5, { decimals: 2, unit: 'eur' }, 'fr', `13${S}700,50${N}€`],
    [2, { decimals: 1, unit: 'fte' }, 'fr', `2,0${N}ETP`],
    [2, { decimals: 1, unit: 'fte' }, 'en', `2.0${N}FTE`],
    [55.3191, { decimals: 1, unit: 'percent' }, 'fr', `55,3${S}%`],
    [55.3191, { decimals: 1, unit: 'percent' }, 'en', '55.3%'],
    [1234, { decimals: 0, unit: 'count' }, 'fr', `1${S}234`],
    [12, { decimals: 0, unit: 'persons' }, 'fr', `12${N}pers.`],
    [null, { decimals: 2, unit: 'eur' }, 'fr', '—'],
  ] as const)('%s %o %s → %s', (value, indicator, lang, expected) => {
    expect(formatValue(value, indicator, lang)).toBe(expected);
  });
});

describe('exceedsDecimals', () => {
  it.each([
    [1234.5, 1, false],
    [1.234, 1, true],
    [0.005, 2, true],
    [1234.56, 2, false],
    [0.1 + 0.2, 1, false],
    [12, 0, false],
    [12.5, 0, true],
    [-3.25, 2, false],
  ])('%s with %s decimals → %s', (value, decimals, expected) => {
    expect(exceedsDecimals(value, decimals)).toBe(expected);
  });
});
