import { z } from 'zod';

/** Workflow state of a pole's quarter. A quarter nobody touched is `draft`. */
export const PERIOD_STATUSES = ['draft', 'submitted', 'validated'] as const;
export const PeriodStatusSchema = z.enum(PERIOD_STATUSES);
export type PeriodStatus = z.infer<typeof PeriodStatusSchema>;

export const PERIOD_ACTIONS = ['submit', 'validate', 'reopen'] as const;
export type PeriodAction = (typeof PERIOD_ACTIONS)[number];

/** The shortest written reason for sending back or reopening a quarter (after trimming). */
export const REASON_MIN_LENGTH = 3;

export const PeriodActionRequestSchema = z.strictObject({
  reason: z.string().trim().min(REASON_MIN_LENGTH).max(2000).optional(),
});
export type PeriodActionRequest = z.infer<typeof PeriodActionRequestSchema>;

export const PeriodStateSchema = z.object({
  period: z.string(),
  status: PeriodStatusSchema,
  /** The CRESS's reason when the quarter was sent back or reopened. */
  reason: z.string().nullable(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type PeriodState = z.infer<typeof PeriodStateSchema>;

export const PeriodEventSchema = z.object({
  period: z.string(),
  action: z.enum(PERIOD_ACTIONS),
  fromStatus: PeriodStatusSchema,
  toStatus: PeriodStatusSchema,
  reason: z.string().nullable(),
  at: z.string(),
  by: z.string().nullable(),
});
export type PeriodEvent = z.infer<typeof PeriodEventSchema>;
