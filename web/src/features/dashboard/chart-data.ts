import type { Kind } from '@ptce/shared/catalogue.schema';
import type { Quarter } from '@ptce/shared/domain.types';
import type { Series } from '@ptce/shared/figures/figures';
import { MIN_YEAR, quarterRange, sameQuarterLastYear, yearOf } from '@ptce/shared/periods';

/** The time step of a chart: one point per quarter or per calendar year. */
export type Step = 'quarter' | 'year';

/** The periods a chart shows: the quarters `from`…`to`, or the calendar years they touch. */
export function chartPeriods(by: Step, from: Quarter, to: Quarter): string[] {
  if (by === 'quarter') return quarterRange(from, to);
  const out: string[] = [];
  for (let y = yearOf(from); y <= yearOf(to); y++) out.push(String(y));
  return out;
}

/** The same period a year earlier: `2025Q2` → `2024Q2`, `2025` → `2024`. */
export function periodYearBefore(period: string): string {
  return /^\d{4}$/.test(period) ? String(Number(period) - 1) : sameQuarterLastYear(period);
}

/** The calendar year of a quarter (`2025Q2`) or a year (`2025`). */
function yearOfPeriod(period: string): number {
  return /^\d{4}$/.test(period) ? Number(period) : yearOf(period);
}

/** The first quarter a chart over `from`…`to` needs, last year's series included. */
export function fetchStart(from: Quarter): Quarter {
  return yearOf(from) > MIN_YEAR ? `${yearOf(from) - 1}Q1` : `${MIN_YEAR}Q1`;
}

/**
 * The target line at one period, from the yearly target. A flow's yearly target is a sum of
 * quarters, so the quarterly view draws its even pace (÷ 4); a stock or a ratio is compared
 * with its target as it stands, in either view. Null when there is no target.
 */
export function targetForPeriod(kind: Kind, by: Step, yearly: number | null): number | null {
  if (yearly === null) return null;
  return by === 'quarter' && kind === 'flow' ? yearly / 4 : yearly;
}

/** One row of a trend chart or of its data table; null values are gaps, never zeros. */
export interface TrendRow {
  period: string;
  value: number | null;
  /** The same period a year earlier. */
  lastYear: number | null;
  target: number | null;
  /** False when the value lacks some quarter (a partial year) or was not entered. */
  complete: boolean;
}

export interface TrendOptions {
  by: Step;
  from: Quarter;
  to: Quarter;
  kind: Kind;
  /** The yearly target of a calendar year, or null. */
  targetOf: (year: number) => number | null;
  /** Where last year's values are read (default `series`): by year, the range a year earlier. */
  before?: Series | undefined;
}

/**
 * The rows of a trend chart: one per period of `chartPeriods`, with last year's value at the
 * same position and the target line. `series` (or `before`) must hold the year before too.
 */
export function trendRows(series: Series | undefined, o: TrendOptions): TrendRow[] {
  return chartPeriods(o.by, o.from, o.to).map((period) => {
    const point = series?.get(period);
    const before = (o.before ?? series)?.get(periodYearBefore(period));
    return {
      period,
      value: point?.value ?? null,
      lastYear: before?.value ?? null,
      target: targetForPeriod(o.kind, o.by, o.targetOf(yearOfPeriod(period))),
      complete: point ? point.complete && point.value !== null : false,
    };
  });
}
