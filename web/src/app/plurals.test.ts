import { formatNumber } from '@ptce/shared/format';
import i18n from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadNamespaces, setupI18n } from './i18n';

beforeAll(async () => {
  setupI18n('fr');
  await loadNamespaces(['import', 'report', 'entry']);
});

const tIn = (lng: 'fr' | 'en', key: string, options: Record<string, unknown>) =>
  i18n.getFixedT(lng)(key, options);

describe('plurals through i18next’s rules (Intl.PluralRules)', () => {
  it.each([
    ['fr', 0, '0 valeur saisie sur 7'],
    ['fr', 1, '1 valeur saisie sur 7'],
    ['fr', 2, '2 valeurs saisies sur 7'],
    ['en', 0, '0 values entered out of 7'],
    ['en', 1, '1 value entered out of 7'],
    ['en', 2, '2 values entered out of 7'],
  ] as const)('%s %i → %s', (lng, n, expected) => {
    expect(tIn(lng, 'report:scopeCompleteness', { count: n, filled: n, expected: 7 })).toBe(
      expected,
    );
  });

  it.each([
    ['fr', 0, 'Au plus 0 décimale.'],
    ['fr', 1, 'Au plus 1 décimale.'],
    ['fr', 2, 'Au plus 2 décimales.'],
    ['en', 1, 'At most 1 decimal.'],
    ['en', 2, 'At most 2 decimals.'],
  ] as const)('decimals %s %i → %s', (lng, n, expected) => {
    expect(tIn(lng, 'entry:tooManyDecimals', { count: n })).toBe(expected);
  });

  it('writes the import summary without “(s)”', () => {
    const part = (lng: 'fr' | 'en', key: string, n: number) =>
      tIn(lng, `import:summaryPart.${key}`, { count: n, n });
    const summary = (lng: 'fr' | 'en', c: number, u: number, r: number) =>
      tIn(lng, 'import:summary', {
        file: 'f.xlsx',
        changes: part(lng, 'changes', c),
        unchanged: part(lng, 'unchanged', u),
        rows: part(lng, 'rows', r),
      });
    expect(summary('fr', 0, 1, 1)).toBe(
      '« f.xlsx » : 0 valeur à modifier, 1 ligne inchangée sur 1 lue.',
    );
    expect(summary('fr', 2, 268, 270)).toBe(
      '« f.xlsx » : 2 valeurs à modifier, 268 lignes inchangées sur 270 lues.',
    );
    expect(summary('en', 1, 0, 1)).toBe('“f.xlsx”: 1 value to change, 0 rows unchanged of 1 read.');
    for (const lng of ['fr', 'en'] as const)
      expect(summary(lng, 0, 1, 2)).not.toMatch(/\(s\)|\(es\)/);
  });
});

describe('one minus sign', () => {
  it('writes negative numbers with U+2212, never a hyphen', () => {
    expect(formatNumber(-26393, 'fr', 0)).toBe('\u221226\u202f393');
    expect(formatNumber(-1.5, 'en', 1)).toBe('\u22121.5');
    expect(formatNumber(-26393, 'fr', 0)).not.toContain('-');
  });
});
