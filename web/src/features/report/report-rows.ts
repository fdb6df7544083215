import { aggregateSeries, type SeriesPoint } from '@ptce/shared/aggregate-series';
import { type Catalogue, type Indicator, TOTAL_SLICE } from '@ptce/shared/catalogue.schema';
import type { Quarter } from '@ptce/shared/domain.types';
import {
  previousQuarter,
  quarterFromIndex,
  quarterIndex,
  quarterRange,
  sameQuarterLastYear,
  yearOf,
} from '@ptce/shared/periods';
import type { Scope } from '@ptce/shared/poles.schema';
import type { Target } from '@ptce/shared/targets.schema';
import type { StoredValue } from '@ptce/shared/values.schema';

/** Quarters drawn in a row's trend, ending with the report's quarter. */
export const TREND_QUARTERS = 8;

/** The first quarter a report needs: the trend's start, which is never after Q1 of last year. */
export function reportStart(period: Quarter): Quarter {
  return quarterFromIndex(quarterIndex(period) - (TREND_QUARTERS - 1));
}

/** One indicator of a scope in the quarterly report; null = not entered (or not computable). */
export interface ReportRow {
  indicator: Indicator;
  value: number | null;
  previous: number | null;
  lastYear: number | null;
  /** Against the same quarter last year: relative (0.05 = +5 %) or, for percentages, points. */
  change: { mode: 'relative' | 'points'; value: number } | null;
  /** Year to date: flows summed from Q1, ratios from summed parts, a stock's latest value. */
  ytd: number | null;
  target: number | null;
  /** ytd ÷ target. */
  progress: number | null;
  comment: string | null;
  trend: Array<number | null>;
}

/**
 * The rows of one scope for `period`, from the entered values (which must reach back to
 * `reportStart(period)`) through aggregateSeries, so ratios are recomputed from their parts.
 */
export function reportRows(
  catalogue: Catalogue,
  scope: Scope,
  values: readonly StoredValue[],
  targets: readonly Target[],
  period: Quarter,
): ReportRow[] {
  const year = yearOf(period);
  const own = values.filter((v) => v.scope === scope.slug);
  const totals = (points: SeriesPoint[]) =>
    new Map(
      points.filter((p) => p.slice === TOTAL_SLICE).map((p) => [`${p.indicator}|${p.period}`, p]),
    );
  const quarterly = totals(
    aggregateSeries(catalogue, own, { by: 'quarter', from: reportStart(period), to: period }),
  );
  const hi = quarterIndex(period);
  const inYear = own.filter((v) => yearOf(v.period) === year && quarterIndex(v.period) <= hi);
  const yearly = totals(
    aggregateSeries(catalogue, inYear, { by: 'year', from: `${year}Q1`, to: period }),
  );
  const trendQuarters = quarterRange(reportStart(period), period);
  const byCode = new Map(catalogue.indicators.map((i) => [i.code, i]));

  return scope.indicators.flatMap((code) => {
    const indicator = byCode.get(code);
    if (!indicator) return [];
    const at = (q: Quarter) => quarterly.get(`${code}|${q}`)?.value ?? null;
    const value = at(period);
    const lastYear = at(sameQuarterLastYear(period));
    const ytd = indicator.kind === 'stock' ? value : (yearly.get(`${code}|${year}`)?.value ?? null);
    const target =
      targets.find((t) => t.scope === scope.slug && t.indicator === code && t.year === year)
        ?.value ?? null;
    const comment = own.find(
      (v) => v.indicator === code && v.period === period && v.slice === TOTAL_SLICE,
    )?.comment;
    return [
      {
        indicator,
        value,
        previous: at(previousQuarter(period)),
        lastYear,
        change: change(value, lastYear, indicator.unit === 'percent'),
        ytd,
        target,
        progress: ytd !== null && target !== null && target !== 0 ? ytd / target : null,
        comment: comment ?? null,
        trend: trendQuarters.map(at),
      },
    ];
  });
}

function change(value: number | null, base: number | null, points: boolean): ReportRow['change'] {
  if (value === null || base === null) return null;
  if (points) return { mode: 'points', value: value - base };
  return base === 0 ? null : { mode: 'relative', value: (value - base) / Math.abs(base) };
}
