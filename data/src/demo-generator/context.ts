import type { Rng } from './prng';
import { splitInteger } from './split';

/** Slices of one quarter value: dimension → member → value. */
type Slices = Record<string, Record<string, number>>;

/**
 * One quarter of one indicator, in integer units of the indicator's resolution
 * (10^-decimals: tenths of an FTE, cents of a euro…), so every split is exact.
 */
export interface QuarterValue {
  total: number;
  slices: Slices;
}

/** What a model produces for one scope: series per indicator and French comments. */
export interface ModelResult {
  series: Map<string, QuarterValue[]>;
  /** indicator → quarter index → comment on the total. */
  comments: Map<string, Map<number, string>>;
}

/** What a model may know about the scope it fills. */
export interface ModelContext {
  rng: Rng;
  quarters: string[];
  /** Size multiplier of the pole (1 = a typical PTCE). */
  scale: number;
  /** Yearly growth of volumes. */
  growth: number;
  /** Member codes of a dimension for this pole (working groups resolved). */
  members(dimension: string): string[];
  /** Units per 1 of the indicator's unit: 10^decimals. */
  res(indicator: string): number;
  /** Quarter number (1–4) of quarter index `t`. */
  quarterOf(t: number): number;
  /** Expected volume factor at `t`: scale × trend × `season[quarter − 1]`. */
  activity(t: number, season?: readonly number[]): number;
  /**
   * The same context with an independent random stream named `name`. Each sub-model draws
   * from its own stream, so the values of a quarter never depend on how many quarters follow.
   */
  fork(name: string): ModelContext;
}

/** Typical seasonality of collective activities: a quiet summer. */
export const SEASON = [1, 1.1, 0.7, 1.05] as const;

/**
 * Weights over a dimension's members: `overrides` where given, else 1, and 0.02 for
 * `non_renseigne` (a little missing information, as in real entries).
 */
export function weightsOf(
  ctx: ModelContext,
  dimension: string,
  overrides: Record<string, number> = {},
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const m of ctx.members(dimension))
    out[m] = overrides[m] ?? (m === 'non_renseigne' ? 0.02 : 1);
  return out;
}

/** A total with independent marginal splits along each `[dimension, weights]`. */
export function independent(
  ctx: ModelContext,
  total: number,
  dims: ReadonlyArray<readonly [string, Record<string, number>]>,
): QuarterValue {
  const slices: Slices = {};
  for (const [dim, w] of dims) slices[dim] = splitInteger(total, weightsOf(ctx, dim, w), ctx.rng);
  return { total, slices };
}

/** One joint category (e.g. woman × under 26 × ACI) with a value. */
export interface JointCell {
  attrs: Record<string, string>;
  value: number;
}

/** The total and marginal slices of joint cells along `dims`; unseen members get 0. */
export function marginals(ctx: ModelContext, cells: JointCell[], dims: string[]): QuarterValue {
  const slices: Slices = {};
  for (const dim of dims) slices[dim] = Object.fromEntries(ctx.members(dim).map((m) => [m, 0]));
  let total = 0;
  for (const c of cells) {
    total += c.value;
    for (const dim of dims) {
      const m = c.attrs[dim]!;
      slices[dim]![m] = (slices[dim]![m] ?? 0) + c.value;
    }
  }
  return { total, slices };
}

/** Every joint category of the given dimensions with the product of their weights. */
export function jointCategories(
  ctx: ModelContext,
  dims: ReadonlyArray<readonly [string, Record<string, number>]>,
): Array<{ attrs: Record<string, string>; weight: number }> {
  let out = [{ attrs: {} as Record<string, string>, weight: 1 }];
  for (const [dim, w] of dims) {
    const weights = weightsOf(ctx, dim, w);
    out = out.flatMap((c) =>
      Object.entries(weights)
        .filter(([, x]) => x > 0)
        .map(([m, x]) => ({ attrs: { ...c.attrs, [dim]: m }, weight: c.weight * x })),
    );
  }
  return out;
}
