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
 * A member's ratio parts for bucket `b` (quarters `b*slots`…): per quarter, Σ numerator terms
 * and Σ denominator terms; a quarter counts only when both sides have an entered term. A stock
 * term counts only in the bucket's last quarter.
 */
export function ratioPair(
  ratio: Indicator,
  m: MemberCells,
  stock: (code: string) => boolean,
  b: number,
  slots: number,
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
  for (let i = 0; i < slots; i++) {
    const q = b * slots + i;
    const num = side(ratio.numerator, q, i === slots - 1);
    const den = side(ratio.denominator, q, i === slots - 1);
    if (!Number.isNaN(num) && !Number.isNaN(den)) {
      pair.num += num;
      pair.den += den;
      pair.pairs += 1;
    }
  }
  return pair;
}
