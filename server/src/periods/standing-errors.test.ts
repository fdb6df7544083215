import { describe, expect, it } from 'vitest';
import { reasonCovers } from './standing-errors';

describe('reasonCovers', () => {
  it.each([
    ['[E1] Sorties régularisées', 'E1', true],
    ['[E1 sex=femme] Sorties régularisées', 'E1', true],
    ['[E12] autre règle', 'E1', false],
    ['[E2] autre règle\n[E1] celle-ci', 'E1', true],
    ['[E2] autre règle', 'E1', false],
    ['Motif donné sur la valeur', 'E1', true],
  ])('%j covers %s: %s', (stored, rule, covers) => {
    expect(reasonCovers(stored, rule)).toBe(covers);
  });
});
