import type { JointCell, ModelContext } from './context';
import { splitInteger } from './split';

/** A joint category of people (e.g. woman × 26–49 × ACI) and its weight among entries. */
export interface Category {
  attrs: Record<string, string>;
  weight: number;
}

/** One quarter of a population, per category (same order as the categories). */
export interface PopulationQuarter {
  before: number[];
  entries: number[];
  /** Exits that are counted (e.g. IAE leavers, closed support cases). */
  exits: number[];
  /** Departures that are not counted as exits (e.g. too short a stay for an IAE leaver). */
  other: number[];
  after: number[];
}

export interface PopulationSpec {
  initial: number;
  entriesMean: (t: number) => number;
  exitRate: number;
  otherRate: number;
}

/**
 * Simulates a stock of people per category, quarter by quarter:
 * after = before + entries − exits − other, with exits and other never exceeding the people
 * present, so that stock/flow rules (E2, E3, E9) hold for every category and any marginal.
 */
export function simulatePopulation(
  ctx: ModelContext,
  categories: Category[],
  spec: PopulationSpec,
): PopulationQuarter[] {
  const weights = Object.fromEntries(categories.map((c, i) => [String(i), c.weight]));
  const asArray = (r: Record<string, number>) => categories.map((_, i) => r[String(i)] ?? 0);
  let stock = asArray(splitInteger(spec.initial, weights, ctx.rng));
  return ctx.quarters.map((_, t) => {
    const entries = asArray(splitInteger(ctx.rng.poisson(spec.entriesMean(t)), weights, ctx.rng));
    const exits: number[] = [];
    const other: number[] = [];
    const after = stock.map((before, i) => {
      const present = before + entries[i]!;
      exits[i] = ctx.rng.binomial(present, spec.exitRate);
      other[i] = ctx.rng.binomial(present - exits[i]!, spec.otherRate);
      return present - exits[i]! - other[i]!;
    });
    const quarter = { before: stock, entries, exits, other, after };
    stock = after;
    return quarter;
  });
}

/** Joint cells of one per-category array, ready for `marginals`. */
export function cellsOf(categories: Category[], values: number[]): JointCell[] {
  return categories.map((c, i) => ({ attrs: c.attrs, value: values[i] ?? 0 }));
}
