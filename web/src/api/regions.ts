import {
  type RegionValuesResponse,
  RegionValuesResponseSchema,
} from '@ptce/shared/region-values.wire';
import { queryOptions } from '@tanstack/react-query';
import { api, qs } from '../lib/api-client';
import { keys } from './keys';

/** The range and step of a region's figures. */
export interface RegionValuesParams {
  from: string;
  to: string;
  by: 'quarter' | 'year';
  /** Only this indicator in the poles' series (the total keeps them all). */
  indicators?: string | undefined;
}

const getRegionValues = (region: string, q: RegionValuesParams): Promise<RegionValuesResponse> =>
  api(
    `/api/regions/${encodeURIComponent(region)}/values${qs({ ...q })}`,
    RegionValuesResponseSchema,
  );

/** The region's and its poles' series over a range, by quarter or year. */
export const regionValuesQuery = (region: string, q: RegionValuesParams) =>
  queryOptions({
    queryKey: keys.regionValues(region, q),
    queryFn: () => getRegionValues(region, q),
  });
