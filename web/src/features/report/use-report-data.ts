import type { Catalogue } from '@ptce/shared/catalogue.schema';
import type { Quarter } from '@ptce/shared/domain.types';
import { yearOf } from '@ptce/shared/periods';
import type { Target } from '@ptce/shared/targets.schema';
import type { StoredValue } from '@ptce/shared/values.schema';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useCatalogue } from '../../api/catalogue';
import { type PeriodWithCompleteness, usePeriods } from '../../api/periods';
import { type PoleDetail, usePole } from '../../api/poles';
import { targetsQuery } from '../../api/targets';
import { valuesQuery } from '../../api/values';
import { combineQueries } from '../../lib/combine-queries';
import { reportStart } from './report-rows';

export interface ReportData {
  pole: PoleDetail;
  catalogue: Catalogue;
  values: StoredValue[];
  targets: Target[];
  /** Every quarter of the pole with its status and completeness (for the picker too). */
  periods: PeriodWithCompleteness[];
}

/**
 * The pole, catalogue, values from `reportStart(period)` to `period`, the year's targets and
 * the pole's quarters. When `period` changes the previous report stays until the new one is in.
 */
export function useReportData(pole: string, period: Quarter | null) {
  const poleQ = usePole(pole);
  const catalogueQ = useCatalogue();
  const periodsQ = usePeriods(pole);
  const valuesQ = useQuery({
    ...valuesQuery(
      pole,
      period ? { from: reportStart(period), to: period, slice: '' } : { slice: '' },
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
  const data: ReportData | undefined =
    poleQ.data && catalogueQ.data && periodsQ.data && valuesQ.data && targetsQ.data
      ? {
          pole: poleQ.data,
          catalogue: catalogueQ.data,
          periods: periodsQ.data.periods,
          values: valuesQ.data,
          targets: targetsQ.data,
        }
      : undefined;
  return combineQueries(data, queries);
}
