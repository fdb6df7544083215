import type { Catalogue } from '@ptce/shared/catalogue.schema';
import type { Quarter } from '@ptce/shared/domain.types';
import { buildFigures, type Figures, type SeriesIndex } from '@ptce/shared/figures/figures';
import { quarterFromIndex, quarterIndex, yearOf } from '@ptce/shared/periods';
import type { PoleDetail } from '@ptce/shared/poles.schema';
import type { Target } from '@ptce/shared/targets.schema';
import { keepPreviousData, type UseQueryResult, useQueries, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useCatalogue } from '../../api/catalogue';
import { usePole } from '../../api/poles';
import { targetsQuery } from '../../api/targets';
import { seriesQuery } from '../../api/values';
import { combineQueries } from '../../lib/combine-queries';
import { useSettled } from '../../lib/use-settled';
import { fetchStart } from './chart-data';

/** What the tiles and trend panels read: the figures of a range, whoever they are of. */
export interface FiguresData {
  /** The range these figures are for (the previous one while a new range loads). */
  range: { from: Quarter; to: Quarter };
  catalogue: Catalogue;
  /** The shared engine's figures from Q1 of the year before `from` to `to` (quarters, ytd). */
  figures: Figures;
  /** The years of `from`…`to` as the export gives them (a year cut by the range: its quarters
   * in it), and the same range a year earlier, which the yearly chart compares with. */
  years: SeriesIndex;
  yearsBefore: SeriesIndex;
  targetOf: (scope: string, indicator: string, year: number) => number | null;
  /** False where targets do not exist (a region's totals): tiles and charts leave them out. */
  hasTargets?: boolean;
}

/** Everything the pole's tiles and trends need, derived once per answer. */
export interface DashboardData extends FiguresData {
  pole: PoleDetail;
}

/**
 * Loads the pole, the catalogue, the totals (and the slices ratios read) of `from`…`to` and
 * the year before, for the comparisons, and the targets of every year shown; every number is
 * computed by the shared figures. While a new range loads, the previous answer stays on
 * screen (no layout jump). Nothing is asked until `enabled`.
 */
export function useDashboardData(pole: string, from: Quarter, to: Quarter, enabled = true) {
  const poleQ = usePole(pole);
  const catalogueQ = useCatalogue();
  const start = fetchStart(from);
  const valuesQ = useQuery({
    ...seriesQuery(pole, start, to),
    enabled,
    placeholderData: keepPreviousData,
  });
  const years: number[] = [];
  for (let y = yearOf(from); y <= yearOf(to); y++) years.push(y);
  const targetsQ = useQueries({
    queries: years.map((y) => ({
      ...targetsQuery(pole, y),
      enabled,
      placeholderData: keepPreviousData,
    })),
    combine: combineTargets,
  });
  const targets = targetsQ.data;

  const fresh = useMemo((): DashboardData | undefined => {
    if (!poleQ.data || !catalogueQ.data || !valuesQ.data || !targets) return undefined;
    const byTarget = new Map(targets.map((t) => [`${t.scope}|${t.indicator}|${t.year}`, t.value]));
    const cells = valuesQ.data;
    const catalogue = catalogueQ.data;
    const earlier = yearEarlier(from, to);
    return {
      range: { from, to },
      pole: poleQ.data,
      catalogue,
      figures: buildFigures(catalogue, cells, { from: start, to }),
      years: buildFigures(catalogue, cells, { from, to }).yearly,
      yearsBefore: earlier ? buildFigures(catalogue, cells, earlier).yearly : new Map(),
      targetOf: (scope, indicator, year) => byTarget.get(`${scope}|${indicator}|${year}`) ?? null,
    };
  }, [poleQ.data, catalogueQ.data, valuesQ.data, targets, start, from, to]);
  // While a new range loads, the dashboard on screen stays the previous range's, whole.
  const data = useSettled(fresh, !valuesQ.isPlaceholderData && !targetsQ.placeholder);

  return combineQueries(data, [poleQ, catalogueQ, valuesQ, targetsQ]);
}

/** The targets of several years as one list, once all have answered (memoised by useQueries). */
function combineTargets(results: Array<UseQueryResult<Target[]>>) {
  return {
    ...combineQueries(
      results.every((r) => r.data) ? results.flatMap((r) => r.data ?? []) : undefined,
      results,
    ),
    /** Some year still shows a kept previous answer. */
    placeholder: results.some((r) => r.isPlaceholderData),
  };
}

/** `from`…`to` a year earlier, or null before the first quarter there is (2000Q1). */
export function yearEarlier(from: Quarter, to: Quarter): { from: Quarter; to: Quarter } | null {
  try {
    return {
      from: quarterFromIndex(quarterIndex(from) - 4),
      to: quarterFromIndex(quarterIndex(to) - 4),
    };
  } catch {
    return null;
  }
}
