import { parseNumberFr } from '@ptce/shared/format';
import { describe, expect, it } from 'vitest';
import { fmtChange, fmtPercent, inputText, labelIn } from './format';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('fmtChange', () => {
  it.each([
    ['relative', 0.0512, 'fr', `+5,1${NNBSP}%`],
    ['relative', 0.234, 'fr', `+23,4${NNBSP}%`],
    ['relative', -0.25, 'fr', `\u221225,0${NNBSP}%`],
    ['relative', 0, 'en', '0.0%'],
    ['points', 2.345, 'fr', `+2,3${NBSP}pt`],
    ['points', -1, 'en', `\u22121.0${NBSP}pt`],
  ] as const)('%s %s (%s) → %j', (mode, value, lang, expected) => {
    expect(fmtChange({ mode, value }, lang, 'pt')).toBe(expected);
  });

  it('writes no change as a dash', () => {
    expect(fmtChange(null, 'fr', 'pt')).toBe('—');
  });
});

describe('fmtPercent', () => {
  it.each([
    [72, 'fr', 0, `72${NNBSP}%`],
    [72, 'en', 0, '72%'],
    [49.96, 'fr', 1, `50,0${NNBSP}%`],
    [null, 'fr', 0, '—'],
  ] as const)('%s (%s, %s decimals) → %j', (value, lang, decimals, expected) => {
    expect(fmtPercent(value, lang, decimals)).toBe(expected);
  });
});

describe('labelIn', () => {
  it.each([
    ['fr', 'Tonnes collectées'],
    ['en', 'Tonnes collected'],
  ] as const)('%s → %s', (lang, expected) => {
    expect(labelIn({ labelFr: 'Tonnes collectées', labelEn: 'Tonnes collected' }, lang)).toBe(
      expected,
    );
  });
});

describe('inputText', () => {
  it.each([
    [1234.5, 'fr', 1, '1\u202f234,5'],
    [13700.5, 'fr', 2, '13\u202f700,50'],
    [13700.5, 'en', 2, '13700.50'],
    [2, 'fr', 1, '2,0'],
    [1234.5, 'en', 1, '1234.5'],
    [-3, 'fr', 0, '-3'],
    [null, 'fr', 2, ''],
    [undefined, 'en', 0, ''],
  ] as const)('%s (%s, %s decimals) → %j', (value, lang, decimals, expected) => {
    expect(inputText(value, lang, decimals)).toBe(expected);
  });

  it('is read back in both languages', () => {
    for (const lang of ['fr', 'en'] as const)
      expect(parseNumberFr(inputText(98765.4, lang, 1))).toBe(98765.4);
  });
});
