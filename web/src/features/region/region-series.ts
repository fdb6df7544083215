import type { SeriesPoint } from '@ptce/shared/aggregate-series';
import type { Series, SeriesIndex } from '@ptce/shared/figures/figures';
import { seriesKey } from '@ptce/shared/figures/figures';
import type { IndicatorSeries } from '@ptce/shared/region-values.schema';

/** One unit's (the region's or a pole's) series by indicator code: period → point. */
export type UnitSeries = ReadonlyMap<string, Series>;

/**
 * The answer's series as the dashboard reads series: per indicator, period → point, where
 * `scope` labels the unit (a pole's slug, or the section a region's indicator is shown in).
 * Periods with no value and not complete are left out, as an export has no row there.
 */
export function unitSeries(
  periods: readonly string[],
  series: readonly IndicatorSeries[],
  scope: (indicator: string) => string,
): UnitSeries {
  const out = new Map<string, Series>();
  for (const s of series) {
    const points = new Map<string, SeriesPoint>();
    periods.forEach((period, i) => {
      const value = s.values[i] ?? null;
      const complete = s.complete[i] ?? false;
      if (value === null && !complete) return;
      points.set(period, {
        scope: scope(s.indicator),
        indicator: s.indicator,
        slice: '',
        period,
        value,
        complete,
      });
    });
    out.set(s.indicator, points);
  }
  return out;
}

/** A unit's series keyed as the tiles and trend panels look them up: `seriesKey(scope, code)`. */
export function toSeriesIndex(unit: UnitSeries, scope: (indicator: string) => string): SeriesIndex {
  return new Map([...unit].map(([code, series]) => [seriesKey(scope(code), code), series]));
}
