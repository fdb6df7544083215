import { GroupAggregator } from './aggregation/group-aggregator';
import type { Catalogue } from './catalogue.schema';
import type { Cell, Quarter } from './domain.types';
import { getOrInsert } from './map-utils';

export interface SeriesOptions {
  /** `quarter`: one row per quarter; `year`: one row per calendar year (`'2025'`). */
  by: 'quarter' | 'year';
  from: Quarter;
  to: Quarter;
}

/** One aggregated number: `period` is a quarter (`2025Q2`) or a year (`2025`). */
export interface SeriesPoint {
  scope: string;
  indicator: string;
  slice: string;
  period: string;
  value: number | null;
  /** True when every quarter the value aggregates was entered (for a ratio: all its parts). */
  complete: boolean;
}

/**
 * Aggregates entered cells per (scope, indicator, slice, quarter or year) with the shared
 * engine (GroupAggregator), each scope label one group and one member tracking everything.
 * - `by: 'quarter'`: rows for the quarters `from`…`to`; `by: 'year'`: rows for the calendar
 *   years containing them, each holding its quarters within `from`…`to` (year to date).
 * - flows sum their quarters; a stock's year is its last quarter in range (null, incomplete,
 *   when missing). Cells sharing scope, indicator, period and slice are summed, so a caller may
 *   relabel `scope` (to a pole or region) to aggregate across scopes at the same date.
 * - Ratio indicators are recomputed as Σ numerator ÷ Σ denominator over the quarters where
 *   both sides were entered, for the total slice only, wherever one of their terms has a row.
 * Rows come by scope (first-seen order), then indicator (catalogue order), slice, period.
 * @throws RangeError when `from` or `to` is not a valid quarter.
 */
export function aggregateSeries(
  catalogue: Catalogue,
  cells: Iterable<Cell>,
  options: SeriesOptions,
): SeriesPoint[] {
  const byScope = new Map<string, Cell[]>();
  for (const cell of cells) {
    getOrInsert(byScope, cell.scope, () => []).push(cell);
  }
  const engine = new GroupAggregator(catalogue, options);
  const all = catalogue.indicators.map((i) => i.code);
  const points: SeriesPoint[] = [];
  for (const [scope, list] of byScope) {
    engine.begin({ region: '', pole: '', scope });
    engine.member(all);
    for (const c of list) engine.cell(c.indicator, c.slice, c.period, c.value);
    for (const row of engine.end()) {
      points.push({
        scope,
        indicator: row.indicator,
        slice: row.slice,
        period: row.period,
        value: row.value,
        complete: row.complete,
      });
    }
  }
  return points;
}
