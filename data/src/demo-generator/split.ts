import type { Rng } from './prng';

/** Below this total, units are drawn one by one (multinomial) for natural variety. */
const DRAW_LIMIT = 20;

/**
 * Splits a non-negative integer `total` into integers, one per key of `weights`, that sum to
 * `total` exactly. Small totals are drawn unit by unit; larger ones use the largest-remainder
 * method on weights jittered by a factor `1 + N(0, jitter)`. Zero weights always get 0;
 * if every weight is 0 the whole total goes to the last key.
 */
export function splitInteger(
  total: number,
  weights: Record<string, number>,
  rng: Rng,
  jitter = 0.12,
): Record<string, number> {
  const keys = Object.keys(weights);
  const out: Record<string, number> = Object.fromEntries(keys.map((k) => [k, 0]));
  if (keys.length === 0 || total <= 0) return out;
  const positive = keys.filter((k) => (weights[k] ?? 0) > 0);
  if (positive.length === 0) {
    out[keys[keys.length - 1]!] = total;
    return out;
  }
  if (total < DRAW_LIMIT) {
    const table = positive.map((k) => [k, weights[k]!] as const);
    for (let i = 0; i < total; i++) {
      const k = rng.weighted(table);
      out[k] = (out[k] ?? 0) + 1;
    }
    return out;
  }
  const jittered = positive.map((k) => Math.max(0.001, weights[k]! * (1 + rng.normal(0, jitter))));
  const sum = jittered.reduce((s, w) => s + w, 0);
  const shares = jittered.map((w) => (w / sum) * total);
  let left = total;
  positive.forEach((k, i) => {
    out[k] = Math.floor(shares[i]!);
    left -= out[k];
  });
  const order = positive
    .map((k, i) => ({ k, frac: shares[i]! - Math.floor(shares[i]!) }))
    .sort((a, b) => b.frac - a.frac);
  for (let i = 0; i < left; i++) {
    const k = order[i % order.length]!.k;
    out[k] = (out[k] ?? 0) + 1;
  }
  return out;
}

/** Sum of a record's values. */
export function sumOf(record: Record<string, number>): number {
  return Object.values(record).reduce((s, v) => s + v, 0);
}
