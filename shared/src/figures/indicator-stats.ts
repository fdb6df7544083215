import type { Indicator, Unit } from '../catalogue.schema';
import type { Quarter } from '../domain.types';
import { previousQuarter, quarterRange, sameQuarterLastYear, yearOf } from '../periods';
import { type Figures, type Series, seriesKey } from './figures';

/** A change against a base: relative (0.05 = +5 %) or, between two percentages, in points. */
export interface Change {
  mode: 'relative' | 'points';
  value: number;
}

/**
 * The change of `value` against `base`: in points for a percentage (`55 − 42`), else relative
 * (`(v − b) ÷ |b|`). Null when either is missing, or for a relative change on a zero base.
 */
export function changeAgainst(
  value: number | null,
  base: number | null,
  unit: Unit,
): Change | null {
  if (value === null || base === null) return null;
  if (unit === 'percent') return { mode: 'points', value: value - base };
  if (base === 0) return null;
  return { mode: 'relative', value: (value - base) / Math.abs(base) };
}

/** Progress towards a yearly target: `ytd ÷ target`; null without either or for a target of 0. */
export function targetProgress(ytd: number | null, target: number | null): number | null {
  return ytd !== null && target !== null && target !== 0 ? ytd / target : null;
}

/** One indicator of one scope at a quarter, as the tiles, the report and the grid show it. */
export interface IndicatorStats {
  period: Quarter;
  /** The quarter's total (a ratio from its parts); null when not entered or not computable. */
  value: number | null;
  /** The quarter before (no period before 2000Q1, the first quarter there is). */
  previous: { period: Quarter | null; value: number | null };
  /** The same quarter a year before (none in 2000). */
  lastYear: { period: Quarter | null; value: number | null };
  /** `value` against `lastYear`. */
  change: Change | null;
  /** The calendar year of `period`, its year to date at `period` and its target. */
  year: number;
  ytd: number | null;
  /** True when the year to date lacks no quarter it needs. */
  ytdComplete: boolean;
  target: number | null;
  /** `ytd ÷ target`. */
  progress: number | null;
}

/** The yearly target of a (scope, indicator), or null. */
export type TargetOf = (year: number) => number | null;

/**
 * The statistics of `indicator` in `scope` at `period` from `figures` (which must hold the
 * quarter before and the same quarter last year to compare with them).
 */
export function statsAt(
  figures: Figures,
  scope: string,
  indicator: Indicator,
  period: Quarter,
  targetOf: TargetOf,
): IndicatorStats {
  const series = figures.quarterly.get(seriesKey(scope, indicator.code));
  const at = (q: Quarter | null) => (q === null ? null : (series?.get(q)?.value ?? null));
  const value = at(period);
  const before = orNull(sameQuarterLastYear, period);
  const previous = orNull(previousQuarter, period);
  const ytd = figures.ytd(scope, indicator.code, period);
  const year = yearOf(period);
  const target = targetOf(year);
  return {
    period,
    value,
    previous: { period: previous, value: at(previous) },
    lastYear: { period: before, value: at(before) },
    change: changeAgainst(value, at(before), indicator.unit),
    year,
    ytd: ytd?.value ?? null,
    ytdComplete: ytd?.complete ?? false,
    target,
    progress: targetProgress(ytd?.value ?? null, target),
  };
}

/** `f(q)`, or null where it would leave the years a quarter may have. */
function orNull(f: (q: Quarter) => Quarter, q: Quarter): Quarter | null {
  try {
    return f(q);
  } catch {
    return null;
  }
}

/** The last quarter of `from`…`to` where `series` has a value, or null. */
function latestEntered(series: Series | undefined, from: Quarter, to: Quarter) {
  const quarters = quarterRange(from, to);
  for (let i = quarters.length - 1; i >= 0; i--) {
    const value = series?.get(quarters[i]!)?.value;
    if (value !== null && value !== undefined) return quarters[i]!;
  }
  return null;
}

/** One value per quarter of `from`…`to`, null where nothing was entered or computable. */
export function quarterValues(series: Series | undefined, from: Quarter, to: Quarter) {
  return quarterRange(from, to).map((q) => series?.get(q)?.value ?? null);
}

/** What a dashboard tile shows of one (scope, indicator) over `from`…`to`. */
export interface LatestStats {
  /** The statistics at the last quarter of the range with a value; null when none has one. */
  latest: IndicatorStats | null;
  /** The year the target is read for (the latest quarter's, else that of `to`) and its target. */
  year: number;
  target: number | null;
  /** One value per quarter of the range. */
  spark: Array<number | null>;
}

/** The tile figures of `indicator` in `scope` over `from`…`to` (figures reaching a year back). */
export function latestStats(
  figures: Figures,
  scope: string,
  indicator: Indicator,
  range: { from: Quarter; to: Quarter },
  targetOf: TargetOf,
): LatestStats {
  const series = figures.quarterly.get(seriesKey(scope, indicator.code));
  const spark = quarterValues(series, range.from, range.to);
  const period = latestEntered(series, range.from, range.to);
  if (period === null) {
    const year = yearOf(range.to);
    return { latest: null, year, target: targetOf(year), spark };
  }
  const latest = statsAt(figures, scope, indicator, period, targetOf);
  return { latest, year: latest.year, target: latest.target, spark };
}

/**
 * The whole calendar year of `indicator` in `scope` (the targets page's "réalisé"): flows
 * summed, a stock at Q4, a ratio from its parts; `complete` when no quarter it needs is missing.
 */
export function yearFigure(
  figures: Figures,
  scope: string,
  indicator: Indicator,
  year: number,
): { value: number | null; complete: boolean } {
  const point = figures.ytd(scope, indicator.code, `${year}Q4`);
  return { value: point?.value ?? null, complete: point?.complete ?? false };
}
