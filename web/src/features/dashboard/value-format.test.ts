import { describe, expect, it } from 'vitest';
import { formatChange, formatPercent, formatValue } from './value-format';

const NNBSP = '\u202f';
const NBSP = '\u00a0';

describe('formatValue', () => {
  it.each([
    [1234.5, 1, 't', 'fr', `1${NNBSP}234,5${NBSP}t`],
    [1234.5, 1, 't', 'en', `1,234.5${NBSP}t`],
    [21752.24, 2, '€', 'fr', `21${NNBSP}752,24${NBSP}€`],
    [43.04, 1, '%', 'fr', `43,0${NNBSP}%`],
    [43.04, 1, '%', 'en', '43.0%'],
    [12, 0, '', 'fr', '12'],
    [null, 1, 't', 'fr', '—'],
  ] as const)(
    '%s with %s decimals and unit %j (%s) → %j',
    (value, decimals, unit, lang, expected) => {
      expect(formatValue(value, decimals, unit, lang)).toBe(expected);
    },
  );
});

describe('formatChange', () => {
  it.each([
    ['relative', 0.0512, 'fr', `+5,1${NNBSP}%`],
    ['relative', -0.25, 'fr', `\u221225,0${NNBSP}%`],
    ['relative', 0, 'en', '0.0%'],
    ['points', 2.345, 'fr', `+2,3${NBSP}pt`],
    ['points', -1, 'en', `\u22121.0${NBSP}pt`],
  ] as const)('%s %s (%s) → %j', (mode, value, lang, expected) => {
    expect(formatChange({ mode, value }, lang, 'pt')).toBe(expected);
  });
});

describe('formatPercent', () => {
  it.each([
    [72, 'fr', `72${NNBSP}%`],
    [72, 'en', '72%'],
    [null, 'fr', '—'],
  ] as const)('%s (%s) → %j', (value, lang, expected) => {
    expect(formatPercent(value, lang)).toBe(expected);
  });
});
