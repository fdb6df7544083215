import { aggregateSeries } from '@ptce/shared/aggregate-series';
import type { Catalogue, Kind, Unit } from '@ptce/shared/catalogue.schema';
import type { Cell, Quarter } from '@ptce/shared/domain.types';
import { quarterIndex, quarterRange, sameQuarterLastYear, yearOf } from '@ptce/shared/periods';
import { indexSeries, type Series, type SeriesIndex, seriesKey } from './chart-data';

/** What a dashboard tile shows for one (scope, indicator) over `from`…`to`. */
export interface TileStats {
  /** The last quarter of the range with a value. */
  latest: { period: Quarter; value: number } | null;
  /** The same quarter a year before the latest; its value may be null (not entered). */
  lastYear: { period: Quarter; value: number | null } | null;
  /** Change against last year: relative (0.05 = +5 %) or, for percentages, in points. */
  change: { mode: 'relative' | 'points'; value: number } | null;
  /** Year-to-date against the yearly target of the latest quarter's year. */
  progress: { year: number; ytd: number | null; target: number | null; ratio: number | null };
  /** One value per quarter of the range, null where nothing was entered. */
  spark: Array<number | null>;
}

export interface TileOptions {
  from: Quarter;
  to: Quarter;
  kind: Kind;
  unit: Unit;
  targetOf: (year: number) => number | null;
  /** The year-to-date value at a quarter (flows summed from Q1, ratios from summed parts). */
  ytdAt: (quarter: Quarter) => number | null;
}

/** The figures of a tile from the indicator's quarterly series (which must reach a year back). */
export function tileStats(series: Series | undefined, o: TileOptions): TileStats {
  const quarters = quarterRange(o.from, o.to);
  const spark = quarters.map((q) => series?.get(q)?.value ?? null);
  let latest: TileStats['latest'] = null;
  for (let i = quarters.length - 1; i >= 0 && !latest; i--) {
    const value = spark[i];
    if (value !== null && value !== undefined) latest = { period: quarters[i]!, value };
  }
  const year = latest ? yearOf(latest.period) : yearOf(o.to);
  const target = o.targetOf(year);
  if (!latest) {
    return { latest, lastYear: null, change: null, progress: progress(year, null, target), spark };
  }
  const period = sameQuarterLastYear(latest.period);
  const lastYear = { period, value: series?.get(period)?.value ?? null };
  const ytd = o.kind === 'stock' ? latest.value : o.ytdAt(latest.period);
  return {
    latest,
    lastYear,
    change: change(latest.value, lastYear.value, o.unit),
    progress: progress(year, ytd, target),
    spark,
  };
}

function change(current: number, base: number | null, unit: Unit): TileStats['change'] {
  if (base === null) return null;
  if (unit === 'percent') return { mode: 'points', value: current - base };
  if (base === 0) return null;
  return { mode: 'relative', value: (current - base) / Math.abs(base) };
}

function progress(year: number, ytd: number | null, target: number | null) {
  const ratio = ytd !== null && target !== null && target !== 0 ? ytd / target : null;
  return { year, ytd, target, ratio };
}

/**
 * A year-to-date lookup over `cells`: the value of (scope, indicator) for the calendar year of
 * `upTo`, counting only its quarters up to `upTo`, through aggregateSeries (flows summed,
 * ratios recomputed from their summed parts). A stock's year-to-date is its latest value, which
 * callers take from the quarterly series. Each `upTo` is aggregated once, then cached.
 */
export function createYtdLookup(catalogue: Catalogue, cells: readonly Cell[]) {
  const cache = new Map<Quarter, SeriesIndex>();
  return (scope: string, indicator: string, upTo: Quarter): number | null => {
    let index = cache.get(upTo);
    if (!index) {
      const year = yearOf(upTo);
      const hi = quarterIndex(upTo);
      const inYear = cells.filter((c) => {
        const i = safeIndex(c.period);
        return i !== null && i <= hi && Math.floor(i / 4) === year;
      });
      index = indexSeries(
        aggregateSeries(catalogue, inYear, { by: 'year', from: `${year}Q1`, to: upTo }),
      );
      cache.set(upTo, index);
    }
    return index.get(seriesKey(scope, indicator))?.get(String(yearOf(upTo)))?.value ?? null;
  };
}

function safeIndex(period: string): number | null {
  try {
    return quarterIndex(period);
  } catch {
    return null;
  }
}
