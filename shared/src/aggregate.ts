import type { Indicator, Kind, RatioTerm } from './catalogue.schema';
import { TOTAL_SLICE } from './catalogue.schema';
import type { Quarter } from './domain.types';
import { quartersOfYear } from './periods';

/** Kinds that are entered and aggregate over time; ratios are recomputed from their parts. */
export type TimeKind = Exclude<Kind, 'ratio'>;

/** An aggregated number and whether every quarter it needs was entered. */
export interface Aggregated {
  value: number | null;
  complete: boolean;
}

/** The four quarters of a calendar year, the expected periods of a yearly aggregate. */
export function yearPeriods(year: number): Quarter[] {
  return quartersOfYear(year);
}

/**
 * Aggregates one series over `expectedPeriods` (in chronological order); values of other
 * periods are ignored, and so are null values (not entered).
 * - `flow`: the sum of the present quarters (null when none is present); complete when every
 *   expected quarter is present.
 * - `stock`: the value of the last expected quarter (null when missing); complete when it is
 *   present. Stocks are never summed over time.
 * With no expected period the value is null; a flow is then complete, a stock is not.
 */
export function aggregateOverTime(
  kind: TimeKind,
  quarterValues: ReadonlyArray<{ period: Quarter; value: number | null }>,
  expectedPeriods: readonly Quarter[],
): Aggregated {
  const byPeriod = new Map<Quarter, number>();
  for (const { period, value } of quarterValues) {
    if (value !== null) byPeriod.set(period, value);
  }
  if (kind === 'stock') {
    const last = expectedPeriods[expectedPeriods.length - 1];
    const value = last === undefined ? undefined : byPeriod.get(last);
    return { value: value ?? null, complete: value !== undefined };
  }
  const expected = new Set(expectedPeriods);
  let sum = 0;
  let present = 0;
  for (const period of expected) {
    const value = byPeriod.get(period);
    if (value === undefined) continue;
    sum += value;
    present++;
  }
  return { value: present > 0 ? sum : null, complete: present === expected.size };
}

/**
 * Aggregates several scopes or poles at the same date: flows and stocks both sum. Null
 * values are skipped; the result is null when every value is null (or there is none).
 */
export function aggregateAcross(_kind: TimeKind, values: Iterable<number | null>): number | null {
  let sum: number | null = null;
  for (const value of values) {
    if (value !== null) sum = (sum ?? 0) + value;
  }
  return sum;
}

/**
 * `num ÷ den × scale`, or null when either is null or the denominator is 0 (no value, not 0).
 */
export function ratioValue(num: number | null, den: number | null, scale: number): number | null {
  if (num === null || den === null || den === 0) return null;
  return (num / den) * scale;
}

/** Looks up the already-aggregated value of a ratio term: an indicator's slice (`''` = total). */
export type TermLookup = (indicator: string, slice: string) => number | null;

function sumTerms(terms: readonly RatioTerm[], lookup: TermLookup): number | null {
  return aggregateAcross(
    'flow',
    terms.map((t) => lookup(t.indicator, t.slice ?? TOTAL_SLICE)),
  );
}

/**
 * A ratio indicator's value from its aggregated parts: Σ numerator terms ÷ Σ denominator
 * terms × scale, never an average of ratios. Missing terms are skipped in each sum; a side
 * with no term present, or a zero denominator, gives null.
 * @throws RangeError when the indicator is not a ratio with numerator and denominator.
 */
export function computeRatio(indicator: Indicator, lookup: TermLookup): number | null {
  if (indicator.kind !== 'ratio' || !indicator.numerator || !indicator.denominator) {
    throw new RangeError(`${indicator.code} is not a ratio with numerator and denominator`);
  }
  return ratioValue(
    sumTerms(indicator.numerator, lookup),
    sumTerms(indicator.denominator, lookup),
    indicator.scale,
  );
}
