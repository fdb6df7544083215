import { z } from 'zod';
import { QuarterSchema } from './periods';

export * from './quality.wire';

/** The longest range of `GET /api/regions/{region}/quality`, in quarters (five years). */
export const MAX_QUALITY_QUARTERS = 20;

/** `GET /api/regions/{region}/quality?from=&to=`: by default the current quarter and the 7 before. */
export const QualityQuerySchema = z.strictObject({
  from: z.optional(QuarterSchema),
  to: z.optional(QuarterSchema),
});
export type QualityQuery = z.infer<typeof QualityQuerySchema>;
