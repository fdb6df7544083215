import { parseNumberFr } from '@ptce/shared/format';
import { describe, expect, it } from 'vitest';
import { exceedsDecimals, fmtChange, fmtPercent, fmtValue, inputText, labelIn } from './format';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('fmtValue', () => {
  it.each([
    [1234.5, 1, 't', 'fr', `1${NNBSP}234,5${NBSP}t`],
    [1234.5, 1, 't', 'en', `1,234.5${NBSP}t`],
    [21752.24, 2, '€', 'fr', `21${NNBSP}752,24${NBSP}€`],
    [43.04, 1, '%', 'fr', `43,0${NNBSP}%`],
    [43.04, 1, '%', 'en', '43.0%'],
    [12, 0, '', 'fr', '12'],
    [12, 0, 'pers.', 'fr', `12${NBSP}pers.`],
    [null, 1, 't', 'fr', '—'],
    [undefined, 1, 't', 'en', '—'],
  ] as const)(
    '%s with %s decimals and unit %j (%s) → %j',
    (value, decimals, unit, lang, expected) => {
      expect(fmtValue(value, decimals, unit, lang)).toBe(expected);
    },
  );
});

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

describe('inputText', () => {
  it.each([
    [1234.5, 'fr', '1\u202f234,5'],
    [1234.5, 'en', '1234.5'],
    [-3, 'fr', '-3'],
    [null, 'fr', ''],
    [undefined, 'en', ''],
  ] as const)('%s (%s) → %j', (value, lang, expected) => {
    expect(inputText(value, lang)).toBe(expected);
  });

  it('is read back in both languages', () => {
    for (const lang of ['fr', 'en'] as const)
      expect(parseNumberFr(inputText(98765.4, lang))).toBe(98765.4);
  });
});
