import { type Catalogue, type Indicator, TOTAL_SLICE } from '@ptce/shared/catalogue.schema';
import type { Quarter } from '@ptce/shared/domain.types';
import type { Figures } from '@ptce/shared/figures/figures';
import { seriesKey } from '@ptce/shared/figures/figures';
import { type Change, quarterValues, statsAt } from '@ptce/shared/figures/indicator-stats';
import { shiftQuarterWithin } from '@ptce/shared/periods';
import type { Scope } from '@ptce/shared/poles.schema';
import type { Target } from '@ptce/shared/targets.schema';
import type { StoredValue } from '@ptce/shared/values.schema';

/** Quarters drawn in a row's trend, ending with the report's quarter. */
export const TREND_QUARTERS = 8;

/** The first quarter a report needs: the trend's start, which is never after Q1 of last year. */
export function reportStart(period: Quarter): Quarter {
  return shiftQuarterWithin(period, -(TREND_QUARTERS - 1));
}

/** One indicator of a scope in the quarterly report; null = not entered (or not computable). */
export interface ReportRow {
  indicator: Indicator;
  value: number | null;
  previous: number | null;
  lastYear: number | null;
  /** Against the same quarter last year: relative (0.05 = +5 %) or, for percentages, points. */
  change: Change | null;
  /** Year to date: flows summed from Q1, ratios from summed parts, a stock's latest value. */
  ytd: number | null;
  target: number | null;
  /** ytd ÷ target. */
  progress: number | null;
  comment: string | null;
  trend: Array<number | null>;
}

/** What the report reads: the figures from `reportStart(period)`, the stored totals' comments. */
export interface ReportInputs {
  catalogue: Catalogue;
  figures: Figures;
  values: readonly StoredValue[];
  targets: readonly Target[];
}

/**
 * The rows of one scope for `period`: every number from the shared statistics over the
 * figures (so ratios are recomputed from their parts), with the quarter's comment.
 */
export function reportRows(data: ReportInputs, scope: Scope, period: Quarter): ReportRow[] {
  const byCode = new Map(data.catalogue.indicators.map((i) => [i.code, i]));
  return scope.indicators.flatMap((code) => {
    const indicator = byCode.get(code);
    if (!indicator) return [];
    const targetOf = (year: number) =>
      data.targets.find((t) => t.scope === scope.slug && t.indicator === code && t.year === year)
        ?.value ?? null;
    const s = statsAt(data.figures, scope.slug, indicator, period, targetOf);
    const comment = data.values.find(
      (v) =>
        v.scope === scope.slug &&
        v.indicator === code &&
        v.period === period &&
        v.slice === TOTAL_SLICE,
    )?.comment;
    const series = data.figures.quarterly.get(seriesKey(scope.slug, code));
    return [
      {
        indicator,
        value: s.value,
        previous: s.previous.value,
        lastYear: s.lastYear.value,
        change: s.change,
        ytd: s.ytd,
        target: s.target,
        progress: s.progress,
        comment: comment ?? null,
        trend: quarterValues(series, reportStart(period), period),
      },
    ];
  });
}
