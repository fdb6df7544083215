import type { Indicator, RatioTerm } from '../catalogue.schema';
import { TOTAL_SLICE } from '../catalogue.schema';

/**
 * One member's entered values: indicator → slice → one number per quarter of the range (NaN
 * where nothing was entered). Typed arrays: a national export allocates no object per cell.
 */
export type MemberCells = Map<string, Map<string, Float64Array>>;

export interface RatioPair {
  num: number;
  den: number;
  /** Quarters where both sides were entered. */
  pairs: number;
  /** Every term entered in every quarter the bucket needs. */
  complete: boolean;
  /** Some term has a value in the bucket (the row exists). */
  seen: boolean;
}

/**
 * A member's ratio parts over the in-range quarters `start`…`end` of a bucket: per quarter,
 * Σ numerator terms and Σ denominator terms; a quarter counts only when both sides have an
 * entered term. A stock term counts only in the last quarter.
 */
export function ratioPair(
  ratio: Indicator,
  m: MemberCells,
  stock: (code: string) => boolean,
  [start, end]: [number, number],
): RatioPair {
  const pair: RatioPair = { num: 0, den: 0, pairs: 0, complete: true, seen: false };
  const side = (list: RatioTerm[] | null, q: number, last: boolean) => {
    let sum = Number.NaN;
    for (const t of list ?? []) {
      if (stock(t.indicator) && !last) continue;
      const v = m.get(t.indicator)?.get(t.slice ?? TOTAL_SLICE)?.[q] ?? Number.NaN;
      if (Number.isNaN(v)) pair.complete = false;
      else {
        sum = Number.isNaN(sum) ? v : sum + v;
        pair.seen = true;
      }
    }
    return sum;
  };
  for (let q = start; q <= end; q++) {
    const num = side(ratio.numerator, q, q === end);
    const den = side(ratio.denominator, q, q === end);
    if (!Number.isNaN(num) && !Number.isNaN(den)) {
      pair.num += num;
      pair.den += den;
      pair.pairs += 1;
    }
  }
  return pair;
}
