import type { QualityQuery } from '@ptce/shared/quality.schema';
import {
  PeriodQualityResponseSchema,
  RegionQualityResponseSchema,
} from '@ptce/shared/quality.wire';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api, qs } from '../lib/api-client';

/**
 * The query keys of the quality answers. A pole's quarter is under the pole's periods, so
 * that every workflow action (which invalidates them) refreshes it; `all()` covers the region
 * answers, which actions on any of its poles change.
 */
export const qualityKeys = {
  all: () => ['quality'] as const,
  region: (region: string, q: QualityQuery) => ['quality', 'region', region, q] as const,
  period: (pole: string, period: string) => ['poles', pole, 'periods', 'quality', period] as const,
};

const getRegionQuality = (region: string, q: QualityQuery) =>
  api(`/api/regions/${encodeURIComponent(region)}/quality${qs(q)}`, RegionQualityResponseSchema);

/** `GET /api/regions/{region}/quality?from=&to=`: each pole's quarters with their quality. */
export const regionQualityQuery = (region: string, q: QualityQuery) =>
  queryOptions({
    queryKey: qualityKeys.region(region, q),
    queryFn: () => getRegionQuality(region, q),
  });

export const useRegionQuality = (region: string, q: QualityQuery) =>
  useQuery(regionQualityQuery(region, q));

const getPeriodQuality = (pole: string, period: string) =>
  api(
    `/api/poles/${encodeURIComponent(pole)}/periods/${period}/quality`,
    PeriodQualityResponseSchema,
  );

/** `GET /api/poles/{pole}/periods/{period}/quality`: one quarter's quality, before validating. */
export const usePeriodQuality = (pole: string, period: string) =>
  useQuery({
    queryKey: qualityKeys.period(pole, period),
    queryFn: () => getPeriodQuality(pole, period),
  });
