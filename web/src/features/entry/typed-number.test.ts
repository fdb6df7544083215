import { indicatorOf } from '@ptce/shared/test-fixtures/catalogue.fixture';
import { describe, expect, it } from 'vitest';
import { inputText } from '../../lib/format';
import { parseTyped } from './typed-number';

const tonnes = indicatorOf('TE-DECHETS-COLLECTES'); // 1 decimal
const euros = indicatorOf('PTCE-RESSOURCES-TOTALES'); // 2 decimals
const persons = indicatorOf('MS-SORTIES'); // whole numbers

describe('parseTyped', () => {
  it.each([
    ['1 234,5', tonnes, 1234.5, null],
    ['1\u202f234,5', tonnes, 1234.5, null],
    ['1\u00a0234,5', tonnes, 1234.5, null],
    ['1234.5', tonnes, 1234.5, null],
    ['  12,5  ', tonnes, 12.5, null],
    ['1,234', tonnes, 1.234, 'tooManyDecimals'],
    ['1 234,56', euros, 1234.56, null],
    ['0,005', euros, 0.005, 'tooManyDecimals'],
    ['−3', persons, -3, null],
    ['12,5', persons, 12.5, 'notInteger'],
    ['12', persons, 12, null],
    ['', persons, null, null],
    ['   ', persons, null, null],
    ['12abc', persons, null, 'invalidNumber'],
    ['1.234,5', tonnes, null, 'invalidNumber'],
    ['1e3', persons, null, 'invalidNumber'],
    ['2000000000000', euros, null, 'invalidNumber'],
  ] as const)('%j → %s (%s)', (text, indicator, value, problem) => {
    expect(parseTyped(text, indicator)).toEqual({ value, problem });
  });
});

describe('inputText', () => {
  it('writes French grouping in French and plain digits in English, both read back', () => {
    expect(inputText(1234.5, 'fr', 1)).toBe('1\u202f234,5');
    expect(inputText(1234.5, 'en', 1)).toBe('1234.5');
    expect(inputText(null, 'fr', 1)).toBe('');
    for (const lang of ['fr', 'en'] as const)
      expect(parseTyped(inputText(98765.4, lang, tonnes.decimals), tonnes).value).toBe(98765.4);
  });
});
