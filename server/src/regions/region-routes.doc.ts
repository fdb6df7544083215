import {
  RegionValuesQuerySchema,
  RegionValuesResponseSchema,
} from '@ptce/shared/region-values.schema';
import type { RouteDoc } from '../openapi/route-doc';

/** The region dashboard's API (`/api/regions/*`). */
export const REGION_ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/regions/{region}/values',
    tag: 'Regions',
    summary: 'A region’s totals and each of its poles’, per indicator',
    description:
      'For the region’s CRESS and the admins; any other caller, and an unknown region, get 404. Per indicator the region’s series (the numbers of `GET /api/exports/values?level=region&region=…` over the same range: ratios recomputed from the summed parts, `complete` as the export defines it, values rounded to the catalogue’s decimals) and each pole’s (those of `level=pole`), totals only, one entry per period of `periods`. `indicators=CODE,…` keeps only those indicators in the poles’ series (the region’s total keeps every indicator; an unknown code → 400): what the region page asks for the indicator it compares. Defaults: to = the last complete quarter, from = eleven quarters before, by = quarter. Computed once per data version: a write to any pole of the region is in the next answer. ETag / If-None-Match → 304.',
    auth: 'session',
    query: RegionValuesQuerySchema,
    ok: {
      status: 200,
      description: 'The region’s and its poles’ series',
      schema: RegionValuesResponseSchema,
    },
    errors: [400, 401, 404],
  },
];
