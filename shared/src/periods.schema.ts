import { z } from 'zod';
import { QuarterSchema } from './periods';
import { REASON_MIN_LENGTH } from './periods.wire';

export * from './periods.wire';

export const PeriodActionRequestSchema = z.strictObject({
  reason: z.string().trim().min(REASON_MIN_LENGTH).max(2000).optional(),
});
export type PeriodActionRequest = z.infer<typeof PeriodActionRequestSchema>;

/** `GET /api/poles/{pole}/periods?from=&to=`. */
export const PeriodsQuerySchema = z.strictObject({
  from: z.optional(QuarterSchema),
  to: z.optional(QuarterSchema),
});
