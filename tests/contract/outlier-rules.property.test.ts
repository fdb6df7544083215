import { loadCatalogue } from '@ptce/data/catalogue';
import type { Cell } from '@ptce/shared/domain.types';
import { shiftQuarterWithin } from '@ptce/shared/periods';
import { evaluateRules } from '@ptce/shared/rules';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

// The outlier rules O1–O3 over random histories (short, gappy, skewed, zero-heavy): a ×10 jump
// of a series is always flagged, a value within the series' own range or a move within the
// unit's floor never is, and an outlier is never an error.

const catalogue = loadCatalogue();
const PERIOD = '2026Q2';
/** One indicator per unit, each with its floor (`rules.outliers.data.ts`). */
const UNITS = [
  { indicator: 'PTCE-EVENEMENTS', floor: 10 },
  { indicator: 'TE-SENSIBILISATION-PERSONNES', floor: 20 },
  { indicator: 'PTCE-EMPLOIS-MEMBRES', floor: 5 },
  { indicator: 'PTCE-FIN-PUBLICS', floor: 5000 },
  { indicator: 'MS-HEURES-INSERTION', floor: 500 },
  { indicator: 'TE-DECHETS-COLLECTES', floor: 5 },
] as const;
const scopes = [{ slug: 'pole', indicators: UNITS.map((u) => u.indicator) }];

/** The outlier rules fired on `indicator`'s total `value` at PERIOD after `history`. */
function fired(indicator: string, value: number, history: Array<number | null>): string[] {
  const values: Cell[] = [{ scope: 'pole', indicator, period: PERIOD, slice: '', value }];
  history.forEach((h, i) => {
    const period = shiftQuarterWithin(PERIOD, -(i + 1));
    if (h !== null) values.push({ scope: 'pole', indicator, period, slice: '', value: h });
  });
  const issues = evaluateRules({ catalogue, period: PERIOD, scopes, poleGroupSlugs: [], values });
  const outliers = issues.filter((i) => /^O\d$/.test(i.rule));
  for (const o of outliers) {
    expect(o.severity).toBe('warning');
    expect(o.slice).toBe('');
  }
  return outliers.map((i) => i.rule);
}

/** Whole or 1-decimal values from a skewed law: mostly small, zeros often, a few large. */
const skewed = fc.oneof(
  { weight: 3, arbitrary: fc.constant(0) },
  { weight: 5, arbitrary: fc.integer({ min: 0, max: 50 }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 2000 }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 200_000 }) },
);
/** Up to 12 quarters before, most recent first, some without a value. */
const history = fc.array(fc.option(skewed, { nil: null, freq: 4 }), { maxLength: 12 });
const unit = fc.constantFrom(...UNITS);

/** The last 8 entered values of a history (what O1 and the range gate read). */
const lastEntered = (h: Array<number | null>) =>
  h.filter((x): x is number => x !== null).slice(0, 8);

describe('outlier rules over random histories', () => {
  it('flag a ×10 jump of the series: O1 with 4 entered quarters, O2 / O3 when entered', () => {
    fc.assert(
      fc.property(unit, history, ({ indicator, floor }, h) => {
        const known = lastEntered(h);
        const top = Math.max(0, ...known);
        fc.pre(known.length > 0 && 9 * top > floor);
        const rules = fired(indicator, 10 * top, h);
        if (known.length >= 4) expect(rules).toContain('O1');
        if (h[0] !== null && h[0] !== undefined) expect(rules).toContain('O2');
        if (h[3] !== null && h[3] !== undefined) expect(rules).toContain('O3');
      }),
      { numRuns: 500 },
    );
  });

  it('never flag a value within the range of the last 8 entered quarters (at least 4)', () => {
    fc.assert(
      fc.property(
        unit,
        history,
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ indicator }, h, at) => {
          const known = lastEntered(h);
          fc.pre(known.length >= 4);
          const lo = Math.min(...known);
          const hi = Math.max(...known);
          expect(fired(indicator, Math.round(lo + at * (hi - lo)), h)).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never flag a move within the unit’s floor', () => {
    fc.assert(
      fc.property(
        unit,
        fc.integer({ min: 0, max: 5000 }),
        fc.array(fc.option(fc.double({ min: 0, max: 1, noNaN: true }), { nil: null }), {
          maxLength: 12,
        }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        ({ indicator, floor }, base, shares, at) => {
          // Every value of the series within [base, base + floor]: no move exceeds the floor.
          const h = shares.map((s) => (s === null ? null : Math.floor(base + s * floor)));
          expect(fired(indicator, Math.floor(base + at * floor), h)).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });
});
