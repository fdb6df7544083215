import { z } from 'zod';
import { IndicatorCodeSchema } from './catalogue.schema';
import { QuarterSchema } from './periods';
import { RuleIssueSchema } from './rules.types';
import { SlugSchema } from './session.schema';

/** A slice key: `''` for the total, or `dimension=member`. */
const SliceSchema = z
  .string()
  .max(120)
  .regex(/^$|^[a-z][a-z0-9_]*=[A-Za-z0-9][A-Za-z0-9_-]*$/, 'slice: empty or dimension=member');

/** Largest magnitude accepted for any value: beyond it a number is a typo or an attack. */
export const MAX_ABS_VALUE = 1e12;

export const ValueNumberSchema = z
  .number()
  .refine(Number.isFinite, 'a finite number')
  .refine((n) => Math.abs(n) <= MAX_ABS_VALUE, `at most ${MAX_ABS_VALUE} in absolute value`);

/**
 * A written reason that overrides consistency-rule errors, trimmed: the one definition of an
 * acceptable reason for the API, the import and the entry grid.
 */
const OverrideReasonSchema = z.string().trim().min(3).max(2000);

/** The bounds of an override reason, for messages: those of `OverrideReasonSchema`. */
export const OVERRIDE_REASON_LENGTH = {
  min: OverrideReasonSchema.minLength ?? 0,
  max: OverrideReasonSchema.maxLength ?? Number.POSITIVE_INFINITY,
} as const;

/** The trimmed reason when `OverrideReasonSchema` accepts it, else null. */
export function validReason(text: string | null | undefined): string | null {
  const parsed = OverrideReasonSchema.safeParse(text);
  return parsed.success ? parsed.data : null;
}

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
  overrideReason: OverrideReasonSchema.optional(),
});
export type ValueEntry = z.infer<typeof ValueEntrySchema>;

/**
 * A reason written for one rule violation of the batch: its rule (an error, `E1`…), scope, the
 * slice it is evaluated on (default `''`, the total) and its subject (default `''`; see
 * `violationSubject`, e.g. `dimension=sex&indicator=MS-SORTIES` for E5), as a 422 lists them.
 * It overrides that violation only, and is recorded in the history of each changed entry the
 * violation involves.
 */
/** A violation's key, `rule|scope|slice|subject`; an override's slice and subject default to `''`. */
export function violationKey(v: {
  rule: string;
  scope: string;
  slice?: string | undefined;
  subject?: string | undefined;
}): string {
  return `${v.rule}|${v.scope}|${v.slice ?? ''}|${v.subject ?? ''}`;
}

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

/** A stored value as the API returns it. */
const StoredValueSchema = z.object({
  scope: z.string(),
  indicator: z.string(),
  period: z.string(),
  slice: z.string(),
  value: z.number(),
  comment: z.string().nullable(),
  overrideReason: z.string().nullable(),
  version: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
});
export type StoredValue = z.infer<typeof StoredValueSchema>;

/** `GET /api/poles/{pole}/values`. */
export const ValuesResponseSchema = z.object({
  pole: z.string(),
  values: z.array(StoredValueSchema),
});
export type ValuesResponse = z.infer<typeof ValuesResponseSchema>;

export const ValuesQuerySchema = z.strictObject({
  from: QuarterSchema.optional(),
  to: QuarterSchema.optional(),
  scope: SlugSchema.optional(),
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

export const HistoryQuerySchema = z.strictObject({
  indicator: IndicatorCodeSchema.optional(),
  scope: SlugSchema.optional(),
  period: QuarterSchema.optional(),
  slice: SliceSchema.optional(),
  limit: z.coerce.number().int().min(1).max(5000).optional(),
  /** Page on: only changes with an id below this one (the previous page's `nextBefore`). */
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});
export type HistoryQuery = z.infer<typeof HistoryQuerySchema>;

const HistoryEntrySchema = z.object({
  id: z.number().int(),
  scope: z.string(),
  indicator: z.string(),
  period: z.string(),
  slice: z.string(),
  oldValue: z.number().nullable(),
  newValue: z.number().nullable(),
  oldComment: z.string().nullable(),
  newComment: z.string().nullable(),
  version: z.number().int(),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
  reason: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** `GET /api/poles/{pole}/history`: a page of changes, newest first. */
export const HistoryPageSchema = z.object({
  history: z.array(HistoryEntrySchema),
  /** The `before` of the next page, or null on the last one. */
  nextBefore: z.number().int().nullable(),
});
export type HistoryPage = z.infer<typeof HistoryPageSchema>;

/** A cell a save changed, with its new version. */
const SavedCellSchema = z.object({
  scope: z.string(),
  indicator: z.string(),
  slice: z.string(),
  value: z.number().nullable(),
  version: z.number().int(),
  /** The override reason now stored with the cell (per-entry and per-violation ones). */
  overrideReason: z.string().nullable().optional(),
});

/** The 200 answer of PUT /api/poles/{pole}/values. */
export const SaveValuesResponseSchema = z.object({
  period: z.string(),
  saved: z.array(SavedCellSchema),
  /** Entries that changed nothing. */
  unchanged: z.number().int(),
  warnings: z.array(RuleIssueSchema),
  /** Errors the batch's reasons overrode. */
  overridden: z.array(RuleIssueSchema),
});
export type SaveValuesResponse = z.infer<typeof SaveValuesResponseSchema>;
