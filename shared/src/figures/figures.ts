import { aggregateSeries, type SeriesPoint } from '../aggregate-series';
import { type Catalogue, TOTAL_SLICE } from '../catalogue.schema';
import type { Cell, Quarter } from '../domain.types';
import { roundTo } from '../format';
import { quarterIndex, yearOf } from '../periods';

/** One (scope, indicator) total over time: period (`2025Q2` or `2025`) → aggregated point. */
export type Series = ReadonlyMap<string, SeriesPoint>;
/** Series by `seriesKey(scope, indicator)`. */
export type SeriesIndex = ReadonlyMap<string, Series>;

export const seriesKey = (scope: string, indicator: string) => `${scope}|${indicator}`;

/**
 * Indexes aggregateSeries' points by scope and indicator; breakdown slices are left out. With
 * `decimals`, each value is rounded as the exports write it (`roundTo`).
 */
export function indexSeries(
  points: readonly SeriesPoint[],
  decimals?: (indicator: string) => number,
): SeriesIndex {
  const index = new Map<string, Map<string, SeriesPoint>>();
  for (const raw of points) {
    if (raw.slice !== TOTAL_SLICE) continue;
    const p =
      decimals && raw.value !== null
        ? { ...raw, value: roundTo(raw.value, decimals(raw.indicator)) }
        : raw;
    const key = seriesKey(p.scope, p.indicator);
    let series = index.get(key);
    if (!series) {
      series = new Map();
      index.set(key, series);
    }
    series.set(p.period, p);
  }
  return index;
}

/**
 * Every number a screen derives from entered cells, computed by the one engine
 * (GroupAggregator through aggregateSeries) and rounded to the catalogue's decimals exactly as
 * the exports write them: the quarterly and yearly totals of each (scope, indicator) over a
 * range, and the year to date at any quarter. What is derived from them (a change on last year,
 * a target's progress) is therefore what anyone gets from the exported numbers.
 */
export interface Figures {
  /** Totals per quarter of `from`…`to`. */
  quarterly: SeriesIndex;
  /** Totals per calendar year of `from`…`to`; a year cut by the range holds its quarters in it. */
  yearly: SeriesIndex;
  /**
   * The year to date at `upTo`: the calendar year of `upTo` counting its quarters up to `upTo`
   * (flows summed, a stock at `upTo`, ratios Σ num ÷ Σ den over the matched quarters); null
   * when nothing was entered. `upTo` may lie outside `from`…`to`, if the cells reach it.
   */
  ytd: (scope: string, indicator: string, upTo: Quarter) => SeriesPoint | null;
}

/**
 * The figures of `cells` (totals, and the breakdown slices that ratios read) over
 * `from`…`to`. Each series and year-to-date answer is computed on first use and kept.
 * @throws RangeError when `from` or `to` is not a valid quarter.
 */
export function buildFigures(
  catalogue: Catalogue,
  cells: readonly Cell[],
  range: { from: Quarter; to: Quarter },
): Figures {
  const { from, to } = range;
  const byCode = new Map(catalogue.indicators.map((i) => [i.code, i.decimals]));
  const decimals = (code: string) => byCode.get(code) ?? 4;
  const ytdIndex = new Map<Quarter, SeriesIndex>();
  let quarterly: SeriesIndex | undefined;
  let yearly: SeriesIndex | undefined;
  return {
    get quarterly() {
      quarterly ??= indexSeries(
        aggregateSeries(catalogue, cells, { by: 'quarter', from, to }),
        decimals,
      );
      return quarterly;
    },
    get yearly() {
      yearly ??= indexSeries(aggregateSeries(catalogue, cells, { by: 'year', from, to }), decimals);
      return yearly;
    },
    ytd(scope, indicator, upTo) {
      let index = ytdIndex.get(upTo);
      if (!index) {
        const year = yearOf(upTo);
        const hi = quarterIndex(upTo);
        const inYear = cells.filter((c) => {
          const i = safeIndex(c.period);
          return i !== null && i <= hi && Math.floor(i / 4) === year;
        });
        index = indexSeries(
          aggregateSeries(catalogue, inYear, { by: 'year', from: `${year}Q1`, to: upTo }),
          decimals,
        );
        ytdIndex.set(upTo, index);
      }
      return index.get(seriesKey(scope, indicator))?.get(String(yearOf(upTo))) ?? null;
    },
  };
}

function safeIndex(period: string): number | null {
  try {
    return quarterIndex(period);
  } catch {
    return null;
  }
}
