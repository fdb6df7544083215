import { z } from 'zod';
import { IndicatorCodeSchema } from './catalogue.schema';
import { MAX_RANGE_QUARTERS, QuarterSchema, quarterIndex } from './periods';
import { SlugSchema } from './session.wire';
import { MAX_ABS_VALUE, OverrideReasonSchema, violationKey } from './values.wire';

export * from './values.wire';

/** A slice key: `''` for the total, or `dimension=member`. */
const SliceSchema = z
  .string()
  .max(120)
  .regex(/^$|^[a-z][a-z0-9_]*=[A-Za-z0-9][A-Za-z0-9_-]*$/, 'slice: empty or dimension=member');

export const ValueNumberSchema = z
  .number()
  .refine(Number.isFinite, 'a finite number')
  .refine((n) => Math.abs(n) <= MAX_ABS_VALUE, `at most ${MAX_ABS_VALUE} in absolute value`);

const ValueEntrySchema = z.strictObject({
  scope: SlugSchema,
  indicator: IndicatorCodeSchema,
  slice: SliceSchema.optional(),
  value: ValueNumberSchema.nullable(),
  comment: z.string().max(2000).nullable().optional(),
  /** The version the client last saw; absent or 0 = the client saw no value. */
  version: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
  /**
   * A written reason that overrides the consistency-rule errors involving this entry whose every
   * changed entry carries one (kept for older clients; `overrides` names one violation each).
   */
  overrideReason: z.optional(OverrideReasonSchema),
});
export type ValueEntry = z.infer<typeof ValueEntrySchema>;

/**
 * A reason written for one rule violation of the batch: its rule (an error, `E1`…), scope, the
 * slice it is evaluated on (default `''`, the total) and its subject (default `''`; see
 * `violationSubject`, e.g. `dimension=sex&indicator=MS-SORTIES` for E5), as a 422 lists them.
 * It overrides that violation only, and is recorded in the history of each changed entry the
 * violation involves.
 */
const ViolationOverrideSchema = z.strictObject({
  rule: z.string().regex(/^E\d{1,2}$/, 'an error rule id (E1, E2…)'),
  scope: SlugSchema,
  slice: SliceSchema.optional(),
  subject: z.string().max(300).optional(),
  reason: OverrideReasonSchema,
});
export type ViolationOverride = z.infer<typeof ViolationOverrideSchema>;

/**
 * Reasons per violation (rule × scope × slice × subject), one item per violation: what a save
 * and an import take as `overrides`.
 */
export const ViolationOverridesSchema = z
  .array(ViolationOverrideSchema)
  .max(500)
  .superRefine((overrides, ctx) => {
    const seen = new Set<string>();
    for (const [i, o] of overrides.entries()) {
      const key = violationKey(o);
      if (seen.has(key))
        ctx.addIssue({ code: 'custom', path: [i], message: 'one reason per violation' });
      seen.add(key);
    }
  });

export const SaveValuesRequestSchema = z.strictObject({
  period: QuarterSchema,
  entries: z.array(ValueEntrySchema).min(1).max(5000),
  /** Reasons per violation (rule × scope × slice × subject); per-entry reasons still apply. */
  overrides: ViolationOverridesSchema.optional(),
});
export type SaveValuesRequest = z.infer<typeof SaveValuesRequestSchema>;

export const ValuesQuerySchema = z.strictObject({
  from: z.optional(QuarterSchema),
  to: z.optional(QuarterSchema),
  scope: z.optional(SlugSchema),
  /** One slice only; `slice=` (empty) = the totals only, what dashboards read. */
  slice: SliceSchema.optional(),
  /**
   * `true`: with `slice`, also the breakdown slices that ratio indicators are computed from
   * (e.g. `residence=qpv` for the QPV share), so a reader of the totals computes every ratio.
   */
  ratioTerms: z
    .enum(['true', 'false'])
    .optional()
    .describe(
      '`true`: with `slice`, also the breakdown slices that ratio indicators are computed from (e.g. `residence=qpv` for DS-PART-QPV).',
    ),
});
export type ValuesQuery = z.infer<typeof ValuesQuerySchema>;

/** True when `from` and `to` are both valid quarters. */
const bothQuarters = (q: { from: unknown; to: unknown }) =>
  QuarterSchema.safeParse(q.from).success && QuarterSchema.safeParse(q.to).success;

/**
 * `GET /api/poles/{pole}/series`: what a screen of totals and ratios reads (the dashboard, the
 * targets page) over `from`–`to`, both included, in order.
 */
export const SeriesQuerySchema = z
  .strictObject({ from: QuarterSchema, to: QuarterSchema })
  .refine((q) => q.from <= q.to, { message: 'from: at most to', path: ['from'] })
  // Run even when a quarter failed its own check (reported already): judged only on two quarters.
  .refine(
    (q) => !bothQuarters(q) || quarterIndex(q.to) - quarterIndex(q.from) < MAX_RANGE_QUARTERS,
    {
      message: `at most ${MAX_RANGE_QUARTERS} quarters from from to to`,
      path: ['to'],
    },
  );

export const HistoryQuerySchema = z.strictObject({
  indicator: z.optional(IndicatorCodeSchema),
  scope: z.optional(SlugSchema),
  period: z.optional(QuarterSchema),
  slice: SliceSchema.optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
  /** Page on: only changes with an id below this one (the previous page's `nextBefore`). */
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});
export type HistoryQuery = z.infer<typeof HistoryQuerySchema>;
