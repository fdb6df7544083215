import { describe, expect, it } from 'vitest';
import { columnLetter } from './import-issues';
import { numberFormat, sheetNames } from './template-layout';

describe('sheetNames', () => {
  it('keeps names Excel accepts, at most 31 characters, unique regardless of case', () => {
    const names = sheetNames([
      { slug: 'a', name: 'Transition écologique' },
      { slug: 'b', name: 'Emploi / insertion [2026]: quoi?' },
      { slug: 'c', name: 'Un nom de groupe de travail beaucoup trop long pour Excel' },
      { slug: 'd', name: 'TRANSITION ÉCOLOGIQUE' },
      { slug: 'e', name: 'Lisez-moi' },
      { slug: 'f', name: "''" },
    ]);
    expect([...names.values()]).toEqual([
      'Transition écologique',
      'Emploi - insertion -2026-- quoi',
      'Un nom de groupe de travail bea',
      'TRANSITION ÉCOLOGIQUE (2)',
      'Lisez-moi (2)',
      'f',
    ]);
    for (const n of names.values()) expect(n.length).toBeLessThanOrEqual(31);
  });
});

describe('numberFormat and columnLetter', () => {
  it.each([
    [0, '#,##0'],
    [1, '#,##0.0'],
    [2, '#,##0.00'],
  ])('decimals %d → %s', (d, f) => {
    expect(numberFormat(d)).toBe(f);
  });

  it.each([
    [0, 'A'],
    [4, 'E'],
    [25, 'Z'],
    [26, 'AA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('column %d is %s', (i, letter) => {
    expect(columnLetter(i)).toBe(letter);
  });
});
