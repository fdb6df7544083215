import type { Indicator, RatioTerm } from '../catalogue.schema';
import { TOTAL_SLICE } from '../catalogue.schema';

/** One member's entered values: indicator → slice → bucket → value per slot (quarter). */
export type MemberCells = Map<string, Map<string, Map<string, Array<number | undefined>>>> & {
  tracked: Set<string>;
};

export interface RatioPair {
  num: number;
  den: number;
  /** Quarters where both sides were entered. */
  pairs: number;
  /** Every term entered in every quarter the bucket needs. */
  complete: boolean;
}

/**
 * A member's ratio parts per bucket: for each quarter, Σ numerator terms and Σ denominator
 * terms; a quarter counts only when both sides have at least one entered term. A stock term
 * counts only in the bucket's last quarter.
 */
export function ratioPairs(
  ratio: Indicator,
  m: MemberCells,
  indicators: Map<string, Indicator>,
  slots: number,
): Map<string, RatioPair> {
  const terms = [...(ratio.numerator ?? []), ...(ratio.denominator ?? [])];
  const buckets = new Set<string>();
  for (const t of terms)
    for (const b of m
      .get(t.indicator)
      ?.get(t.slice ?? TOTAL_SLICE)
      ?.keys() ?? [])
      buckets.add(b);
  const out = new Map<string, RatioPair>();
  for (const bucket of buckets) {
    const pair: RatioPair = { num: 0, den: 0, pairs: 0, complete: true };
    const side = (list: RatioTerm[] | null, slot: number) => {
      let sum: number | null = null;
      for (const t of list ?? []) {
        const stock = indicators.get(t.indicator)?.kind === 'stock';
        if (stock && slot !== slots - 1) continue;
        const v = m
          .get(t.indicator)
          ?.get(t.slice ?? TOTAL_SLICE)
          ?.get(bucket)?.[slot];
        if (v === undefined) pair.complete = false;
        else sum = (sum ?? 0) + v;
      }
      return sum;
    };
    for (let slot = 0; slot < slots; slot++) {
      const num = side(ratio.numerator, slot);
      const den = side(ratio.denominator, slot);
      if (num !== null && den !== null) {
        pair.num += num;
        pair.den += den;
        pair.pairs += 1;
      }
    }
    out.set(bucket, pair);
  }
  return out;
}
