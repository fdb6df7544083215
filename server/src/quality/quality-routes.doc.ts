import {
  PeriodQualityResponseSchema,
  QualityQuerySchema,
  RegionQualityResponseSchema,
} from '@ptce/shared/quality.schema';
import type { RouteDoc } from '../openapi/route-doc';

const SCORE =
  'Per quarter: completeness (totals entered ÷ expected, as the quarter list counts them), timeliness (first submitted by the deadline = the quarter’s last day + deadlineDays, end of that day UTC; not submitted and past it = late; not yet due = pending), the warnings the consistency rules still raise on the stored values (`outliers`: those of the O rules; `warnings`: all), the entries stored with an override reason, each part’s points out of 100 and the score: the weighted mean of the parts that apply (weights in the answer: completeness 50, timeliness 20, outliers 20, overrides 10; each outlier left takes 25 points of its part, each override 20). The score is null while the quarter is pending.';

/** The data-quality endpoints. */
export const QUALITY_ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: '/api/regions/{region}/quality',
    tag: 'Quality',
    summary: 'Data quality per pole and quarter of a region (CRESS of the region, admin)',
    description: `${SCORE} Defaults: to = current quarter, from = seven quarters before; at most 20 quarters. A region outside the caller’s scope answers 404, as an unknown one.`,
    auth: 'session',
    query: QualityQuerySchema,
    ok: {
      status: 200,
      description: 'Each pole, each quarter',
      schema: RegionQualityResponseSchema,
    },
    errors: [400, 401, 404],
  },
  {
    method: 'get',
    path: '/api/poles/{pole}/periods/{period}/quality',
    tag: 'Quality',
    summary: 'Data quality of one pole’s quarter (what the CRESS sees before validating)',
    description: SCORE,
    auth: 'session',
    ok: { status: 200, description: 'The quarter’s quality', schema: PeriodQualityResponseSchema },
    errors: [400, 401, 404],
  },
];
