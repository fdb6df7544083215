import * as z from 'zod/mini';
import { PERIOD_STATUSES } from './periods.wire';

// A quarter's data quality as the API answers it, in zod/mini: what the web reads (see
// docs/decisions.md, "Wire shapes in zod/mini"). The query is in ./quality.schema.ts.

const PointsSchema = z.nullable(z.number().check(z.gte(0), z.lte(100)));

/** The weights of the score's parts, out of 100 (see `QUALITY_WEIGHTS`). */
const QualityWeightsSchema = z.object({
  completeness: z.number(),
  timeliness: z.number(),
  outliers: z.number(),
  overridden: z.number(),
});

/** One pole's quarter: the facts, each part's points and the score. */
const QuarterQualitySchema = z.object({
  period: z.string(),
  status: z.enum(PERIOD_STATUSES),
  /** Totals entered and expected over every scope, as the quarter list counts them. */
  completeness: z.object({ filled: z.int(), expected: z.int() }),
  timeliness: z.object({
    status: z.enum(['onTime', 'late', 'pending']),
    /** The last day to submit (`YYYY-MM-DD`): the quarter's end plus `deadlineDays`. */
    deadline: z.string(),
    /** The first submission (ISO time), or null when never submitted. */
    submittedAt: z.nullable(z.string()),
  }),
  /** Outlier warnings (`O…` rules) the stored values still raise. */
  outliers: z.int(),
  /** Every warning the stored values still raise, outliers included. */
  warnings: z.int(),
  /** Entries stored with an override reason (errors accepted with a reason). */
  overridden: z.int(),
  /** Each part's points out of 100; null when it does not apply. */
  parts: z.object({
    completeness: PointsSchema,
    timeliness: PointsSchema,
    outliers: PointsSchema,
    overridden: PointsSchema,
  }),
  /** 0–100, the weighted mean of the parts that apply; null while the quarter is pending. */
  score: z.nullable(z.int().check(z.gte(0), z.lte(100))),
});
export type QuarterQuality = z.infer<typeof QuarterQualitySchema>;

const PoleQualitySchema = z.object({
  slug: z.string(),
  name: z.string(),
  quarters: z.array(QuarterQualitySchema),
});
export type PoleQuality = z.infer<typeof PoleQualitySchema>;

/** `GET /api/regions/{region}/quality`: each pole of the region, each quarter of the range. */
export const RegionQualityResponseSchema = z.object({
  region: z.object({ code: z.string(), name: z.string() }),
  from: z.string(),
  to: z.string(),
  deadlineDays: z.int(),
  weights: QualityWeightsSchema,
  poles: z.array(PoleQualitySchema),
});
export type RegionQualityResponse = z.infer<typeof RegionQualityResponseSchema>;

/** `GET /api/poles/{pole}/periods/{period}/quality`: one pole's quarter. */
export const PeriodQualityResponseSchema = z.object({
  pole: z.string(),
  deadlineDays: z.int(),
  weights: QualityWeightsSchema,
  quality: QuarterQualitySchema,
});
export type PeriodQualityResponse = z.infer<typeof PeriodQualityResponseSchema>;
