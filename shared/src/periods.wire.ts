import * as z from 'zod/mini';

// What the web reads of quarters' workflow: the answers in zod/mini (see docs/decisions.md,
// "Wire shapes in zod/mini"), the statuses and actions. The requests are in ./periods.schema.ts.

/** Workflow state of a pole's quarter. A quarter nobody touched is `draft`. */
export const PERIOD_STATUSES = ['draft', 'submitted', 'validated'] as const;
const PeriodStatusSchema = z.enum(PERIOD_STATUSES);
export type PeriodStatus = z.infer<typeof PeriodStatusSchema>;

export const PERIOD_ACTIONS = ['submit', 'validate', 'reopen'] as const;
export type PeriodAction = (typeof PERIOD_ACTIONS)[number];

/** The shortest written reason for sending back or reopening a quarter (after trimming). */
export const REASON_MIN_LENGTH = 3;

export const PeriodStateSchema = z.object({
  period: z.string(),
  status: PeriodStatusSchema,
  /** The CRESS's reason when the quarter was sent back or reopened. */
  reason: z.nullable(z.string()),
  updatedAt: z.nullable(z.string()),
  updatedBy: z.nullable(z.string()),
});
export type PeriodState = z.infer<typeof PeriodStateSchema>;

/** How many of a scope's entered (non-ratio) indicators have a total for the quarter. */
const ScopeCompletenessSchema = z.object({
  scope: z.string(),
  filled: z.int(),
  expected: z.int(),
});
export type ScopeCompleteness = z.infer<typeof ScopeCompletenessSchema>;

/** A quarter's state with the completeness of each scope. */
const PeriodWithCompletenessSchema = z.extend(PeriodStateSchema, {
  scopes: z.array(ScopeCompletenessSchema),
});
export type PeriodWithCompleteness = z.infer<typeof PeriodWithCompletenessSchema>;

/** A quarter's completeness over all its scopes: totals entered out of totals expected. */
export function quarterCompleteness(state: Pick<PeriodWithCompleteness, 'scopes'> | undefined): {
  filled: number;
  expected: number;
} {
  let filled = 0;
  let expected = 0;
  for (const s of state?.scopes ?? []) {
    filled += s.filled;
    expected += s.expected;
  }
  return { filled, expected };
}

/** `GET /api/poles/{pole}/periods`: every quarter of the range, in order, and the deadline. */
export const PeriodsResponseSchema = z.object({
  /** Days after a quarter's end by which it is due. */
  deadlineDays: z.int(),
  periods: z.array(PeriodWithCompletenessSchema),
});
export type PeriodsResponse = z.infer<typeof PeriodsResponseSchema>;

const PeriodEventSchema = z.object({
  period: z.string(),
  action: z.enum(PERIOD_ACTIONS),
  fromStatus: PeriodStatusSchema,
  toStatus: PeriodStatusSchema,
  reason: z.nullable(z.string()),
  at: z.string(),
  by: z.nullable(z.string()),
});
export type PeriodEvent = z.infer<typeof PeriodEventSchema>;

/** `GET /api/poles/{pole}/periods/{period}/events`: the quarter's workflow log, newest first. */
export const PeriodEventsResponseSchema = z.object({ events: z.array(PeriodEventSchema) });
export type PeriodEventsResponse = z.infer<typeof PeriodEventsResponseSchema>;
