import * as z from 'zod/mini';
import { RoleSchema } from './session.wire';

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

/**
 * What a workflow step was, as people say it: `submit`, `validate`, `sendBack` (a submitted
 * quarter returned to draft) or `reopen` (a validated one returned to draft). The API's
 * `reopen` action is either of the last two, told apart by the state it left.
 */
const TRANSITION_KINDS = ['submit', 'validate', 'sendBack', 'reopen'] as const;
export type TransitionKind = (typeof TRANSITION_KINDS)[number];

/** The kind of the step `action` taken on a quarter in `from`. */
export function transitionKind(action: PeriodAction, from: PeriodStatus): TransitionKind {
  if (action !== 'reopen') return action;
  return from === 'validated' ? 'reopen' : 'sendBack';
}

/** A quarter's last workflow step. */
const PeriodTransitionSchema = z.object({
  kind: z.enum(TRANSITION_KINDS),
  /** The reason written with it (required to send back or reopen), else null. */
  reason: z.nullable(z.string()),
  at: z.string(),
  /** The name of who took it (null when unknown: demo data, an account removed). */
  by: z.nullable(z.string()),
  /** The role they took it in (`cress`, `admin`…; null for steps recorded before it was kept). */
  byRole: z.nullable(RoleSchema),
});
export type PeriodTransition = z.infer<typeof PeriodTransitionSchema>;

export const PeriodStateSchema = z.object({
  period: z.string(),
  status: PeriodStatusSchema,
  /** The CRESS's reason when the quarter was sent back or reopened. */
  reason: z.nullable(z.string()),
  updatedAt: z.nullable(z.string()),
  updatedBy: z.nullable(z.string()),
  /**
   * Its last workflow step (which one, by whom, when, why); null for a quarter never moved.
   * Always sent; read as null when absent (an answer from before it existed).
   */
  transition: z._default(z.nullable(PeriodTransitionSchema), null),
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

/**
 * `GET /api/poles/{pole}/periods`: every quarter of the range, in order, and the deadline's
 * settings (a quarter's deadline is `draftDeadline` of shared/quality.ts).
 */
export const PeriodsResponseSchema = z.object({
  /** Days after a quarter's end by which it is due (PTCE_DEADLINE_DAYS). */
  deadlineDays: z.int(),
  /**
   * Days a quarter sent back or reopened has to be submitted again, from that day
   * (PTCE_RESUBMIT_DAYS): its deadline is the later of its own and that.
   */
  resubmitDays: z.int(),
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
  /** The role the step was taken in (null for steps recorded before it was kept). */
  byRole: z.nullable(RoleSchema),
});
export type PeriodEvent = z.infer<typeof PeriodEventSchema>;

/** `GET /api/poles/{pole}/periods/{period}/events`: the quarter's workflow log, newest first. */
export const PeriodEventsResponseSchema = z.object({ events: z.array(PeriodEventSchema) });
export type PeriodEventsResponse = z.infer<typeof PeriodEventsResponseSchema>;
