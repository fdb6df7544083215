import { z } from 'zod';
import { IndicatorCodeSchema } from './catalogue.schema';
import { QuarterSchema } from './periods';

export * from './region-values.wire';

/**
 * `GET /api/regions/{region}/values`: without `from`/`to`, the 12 quarters up to the last
 * complete one. `indicators` (comma-separated codes) keeps only those indicators in the poles'
 * series (the region's total keeps them all): the region page asks for the one it compares,
 * ~20× fewer bytes than every pole's every indicator.
 */
export const RegionValuesQuerySchema = z.strictObject({
  from: z.optional(QuarterSchema),
  to: z.optional(QuarterSchema),
  by: z.enum(['quarter', 'year']).default('quarter'),
  indicators: z
    .string()
    .max(2000)
    .transform((s) =>
      s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .pipe(z.array(IndicatorCodeSchema).min(1).max(100))
    .optional(),
});
