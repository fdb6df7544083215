import { TOTAL_SLICE } from './catalogue.schema';

/** Relative tolerance of sums and comparisons of decimal values (float rounding). */
export const RELATIVE_TOLERANCE = 1e-9;

/** Whether `a` and `b` differ by at most 1e-9 of the larger magnitude (exact for integers). */
export function nearlyEqual(a: number, b: number): boolean {
  return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** The check of one breakdown dimension of one indicator, scope and quarter. */
export interface BreakdownCheck {
  dimension: string;
  /** Sum of the dimension's filled slices, `non_renseigne` included. */
  sum: number;
  /** The entered total, or null when none was entered. */
  total: number | null;
  /** True when the total is present and the sum equals it (within `RELATIVE_TOLERANCE`). */
  ok: boolean;
  /** True when slices are filled but the total is missing. */
  missing: boolean;
  /** The slice keys that were summed, in input order. */
  slices: string[];
}

/**
 * Checks that each breakdown dimension with at least one filled slice sums to the total.
 * `slices` are the entered values of one indicator for one scope and quarter; the total
 * slice (`''`) and keys that are not `dimension=member` are ignored. Dimensions with no
 * filled slice are not reported. Results are sorted by dimension code.
 */
export function checkBreakdowns(
  total: number | null,
  slices: Iterable<{ slice: string; value: number }>,
): BreakdownCheck[] {
  const byDimension = new Map<string, { sum: number; slices: string[] }>();
  for (const { slice, value } of slices) {
    if (slice === TOTAL_SLICE) continue;
    const equals = slice.indexOf('=');
    if (equals <= 0 || equals === slice.length - 1) continue;
    const dimension = slice.slice(0, equals);
    const entry = byDimension.get(dimension) ?? { sum: 0, slices: [] };
    entry.sum += value;
    entry.slices.push(slice);
    byDimension.set(dimension, entry);
  }
  return [...byDimension.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([dimension, { sum, slices: keys }]) => ({
      dimension,
      sum,
      total,
      ok: total !== null && nearlyEqual(sum, total),
      missing: total === null,
      slices: keys,
    }));
}
