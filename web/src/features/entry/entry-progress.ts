import { aggregateOverTime, computeRatio } from '@ptce/shared/aggregate';
import type { Indicator } from '@ptce/shared/catalogue.schema';
import { compareQuarters, quartersOfYear, yearOf } from '@ptce/shared/periods';
import type { StoredValue } from '@ptce/shared/values.schema';
import { cellKey } from './entry-model';

/** A scope's number for a quarter, indicator and slice, or null when not entered. */
export type Lookup = (period: string, indicator: string, slice: string) => number | null;

/** Stored values for every quarter but `period`, whose numbers are the grid's current ones. */
export function makeLookup(
  stored: Map<string, Map<string, StoredValue>>,
  period: string,
  current: Map<string, number>,
): Lookup {
  return (p, indicator, slice) => {
    const key = cellKey(indicator, slice);
    if (p === period) return current.get(key) ?? null;
    return stored.get(p)?.get(key)?.value ?? null;
  };
}

/** An indicator's total for one quarter; ratios are computed from their parts. */
export function quarterValue(indicator: Indicator, lookup: Lookup, period: string): number | null {
  if (indicator.kind !== 'ratio') return lookup(period, indicator.code, '');
  return computeRatio(indicator, (code, slice) => lookup(period, code, slice));
}

/**
 * The year's value up to and including `period`: flows summed, stocks at `period`, ratios
 * from their parts aggregated the same way (what a yearly target is compared with).
 */
export function yearToDate(
  indicator: Indicator,
  byCode: Map<string, Indicator>,
  lookup: Lookup,
  period: string,
): number | null {
  const quarters = quartersOfYear(yearOf(period)).filter((q) => compareQuarters(q, period) <= 0);
  const aggregate = (code: string, slice: string) => {
    const kind = byCode.get(code)?.kind;
    if (!kind || kind === 'ratio') return null;
    const series = quarters.map((q) => ({ period: q, value: lookup(q, code, slice) }));
    return aggregateOverTime(kind, series, quarters).value;
  };
  if (indicator.kind !== 'ratio') return aggregate(indicator.code, '');
  return computeRatio(indicator, aggregate);
}
