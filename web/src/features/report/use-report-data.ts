import type { Catalogue } from '@ptce/shared/catalogue.schema';
import type { Quarter } from '@ptce/shared/domain.types';
import { buildFigures, type Figures } from '@ptce/shared/figures/figures';
import { yearOf } from '@ptce/shared/periods';
import type { PeriodWithCompleteness } from '@ptce/shared/periods.schema';
import type { PoleDetail } from '@ptce/shared/poles.schema';
import type { Target } from '@ptce/shared/targets.schema';
import type { StoredValue } from '@ptce/shared/values.schema';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { useCatalogue } from '../../api/catalogue';
import { usePeriods } from '../../api/periods';
import { usePole } from '../../api/poles';
import { targetsQuery } from '../../api/targets';
import { figuresQuery, valuesQuery } from '../../api/values';
import { combineQueries } from '../../lib/combine-queries';
import { useSettled } from '../../lib/use-settled';
import { reportStart } from './report-rows';

interface ReportData {
  /** The quarter the figures on screen are for (the previous one while the next loads). */
  period: Quarter;
  pole: PoleDetail;
  catalogue: Catalogue;
  /** The shared engine's figures from `reportStart(period)` to `period`. */
  figures: Figures;
  /** The totals (for their comments) and the slices ratios read. */
  values: StoredValue[];
  targets: Target[];
  /** Every quarter of the pole with its status and completeness (for the picker too). */
  periods: PeriodWithCompleteness[];
}

/**
 * The pole, catalogue, figures from `reportStart(period)` to `period`, the year's targets and
 * the pole's quarters. When `period` changes the previous report stays until the new one is in.
 */
export function useReportData(pole: string, period: Quarter | null) {
  const poleQ = usePole(pole);
  const catalogueQ = useCatalogue();
  const periodsQ = usePeriods(pole);
  const valuesQ = useQuery({
    ...valuesQuery(
      pole,
      figuresQuery(period ? reportStart(period) : undefined, period ?? undefined),
    ),
    enabled: period !== null,
    placeholderData: keepPreviousData,
  });
  const targetsQ = useQuery({
    ...targetsQuery(pole, period ? yearOf(period) : 0),
    enabled: period !== null,
    placeholderData: keepPreviousData,
  });
  const queries = [poleQ, catalogueQ, periodsQ, valuesQ, targetsQ];
  const figures = useMemo(
    () =>
      catalogueQ.data && valuesQ.data && period
        ? buildFigures(catalogueQ.data, valuesQ.data, { from: reportStart(period), to: period })
        : undefined,
    [catalogueQ.data, valuesQ.data, period],
  );
  const fresh: ReportData | undefined =
    poleQ.data && catalogueQ.data && periodsQ.data && valuesQ.data && targetsQ.data && figures
      ? {
          period: period!,
          pole: poleQ.data,
          catalogue: catalogueQ.data,
          figures,
          periods: periodsQ.data.periods,
          values: valuesQ.data,
          targets: targetsQ.data,
        }
      : undefined;
  // While the next quarter loads, the report on screen stays the previous quarter's, whole.
  const data = useSettled(fresh, !valuesQ.isPlaceholderData && !targetsQ.isPlaceholderData);
  return combineQueries(data, queries);
}
