import type { Indicator } from '@ptce/shared/catalogue.schema';
import type { Series } from '@ptce/shared/figures/figures';
import { type Change, changeAgainst } from '@ptce/shared/figures/indicator-stats';
import { previousQuarter } from '@ptce/shared/periods';

/** One pole (or the region) on the compared indicator. */
export interface ComparisonRow {
  slug: string;
  name: string;
  /** Some scope of the pole tracks the indicator. */
  tracked: boolean;
  /** At the compared period; null when not entered or not computable. */
  value: number | null;
  /** The value lacks no quarter it needs (the export's `complete`). */
  valueComplete: boolean;
  previous: number | null;
  change: Change | null;
  /** Periods of the range whose value is complete, out of `periods`. */
  complete: number;
  periods: number;
  /** One value per period of the range. */
  spark: Array<number | null>;
}

/** A unit's series of the compared indicator, and (by year) the same range a year earlier. */
export interface ComparedUnit {
  slug: string;
  name: string;
  tracked: boolean;
  series: Series | undefined;
  /** By year: the years of the range a year earlier, which a year is compared with. */
  before: Series | undefined;
}

export interface Comparison {
  /** The period compared: the last of the range where the region has a value (else the last). */
  period: string;
  /** The period its change is against: the quarter before, or the year before. */
  previousPeriod: string | null;
  region: ComparisonRow;
  poles: ComparisonRow[];
}

/**
 * The comparison of a region's poles on `indicator` over `periods` (quarters or years, in
 * order): each one's value at the compared period, its change against the period before (a
 * quarter on the quarter before; a year, possibly cut by the range, on the same quarters a year
 * earlier), how many periods are complete, and its trend.
 */
export function compareUnits(
  indicator: Indicator,
  by: 'quarter' | 'year',
  periods: readonly string[],
  region: ComparedUnit,
  poles: readonly ComparedUnit[],
): Comparison {
  const withValue = periods.filter((p) => (region.series?.get(p)?.value ?? null) !== null);
  const period = withValue[withValue.length - 1] ?? periods[periods.length - 1] ?? '';
  const previousPeriod = period === '' ? null : periodBefore(period, by);
  const row = (u: ComparedUnit): ComparisonRow => {
    const value = u.series?.get(period)?.value ?? null;
    const base = by === 'year' ? u.before : u.series;
    const previous = previousPeriod === null ? null : (base?.get(previousPeriod)?.value ?? null);
    return {
      slug: u.slug,
      name: u.name,
      tracked: u.tracked,
      value,
      valueComplete: u.series?.get(period)?.complete ?? false,
      previous,
      change: changeAgainst(value, previous, indicator.unit),
      complete: periods.filter((p) => u.series?.get(p)?.complete).length,
      periods: periods.length,
      spark: periods.map((p) => u.series?.get(p)?.value ?? null),
    };
  };
  return { period, previousPeriod, region: row(region), poles: poles.map(row) };
}

function periodBefore(period: string, by: 'quarter' | 'year'): string | null {
  try {
    return by === 'year' ? String(Number(period) - 1) : previousQuarter(period);
  } catch {
    return null;
  }
}

export type SortKey = 'name' | 'value' | 'change' | 'complete';
export type SortDir = 'ascending' | 'descending';

/**
 * The rows sorted by `key` in `dir`; rows without a number for the key come last either way,
 * then by name. Names compare in the UI language.
 */
export function sortRows(
  rows: readonly ComparisonRow[],
  key: SortKey,
  dir: SortDir,
  lang: 'fr' | 'en',
): ComparisonRow[] {
  const collator = new Intl.Collator(lang, { sensitivity: 'base', numeric: true });
  const byName = (a: ComparisonRow, b: ComparisonRow) => collator.compare(a.name, b.name);
  const sign = dir === 'ascending' ? 1 : -1;
  if (key === 'name') return [...rows].sort((a, b) => sign * byName(a, b));
  const number = (r: ComparisonRow): number | null =>
    key === 'value'
      ? r.value
      : key === 'change'
        ? (r.change?.value ?? null)
        : r.complete / Math.max(1, r.periods);
  return [...rows].sort((a, b) => {
    const x = number(a);
    const y = number(b);
    if (x === null || y === null) return x === y ? byName(a, b) : x === null ? 1 : -1;
    return sign * (x - y) || byName(a, b);
  });
}
