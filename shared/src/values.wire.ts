import * as z from 'zod/mini';
import type { Cell, Quarter } from './domain.types';
import { RuleIssueSchema } from './rules.types';

// What the web reads of values: the answers in zod/mini (see docs/decisions.md, "Wire shapes in
// zod/mini"), the bounds of a value and of an override reason. The requests the server
// validates are in ./values.schema.ts (classic zod).

/** Largest magnitude accepted for any value: beyond it a number is a typo or an attack. */
export const MAX_ABS_VALUE = 1e12;

/** The bounds of an override reason (trimmed), for messages. */
export const OVERRIDE_REASON_LENGTH = { min: 3, max: 2000 } as const;

/**
 * A written reason that overrides consistency-rule errors, trimmed: the one definition of an
 * acceptable reason for the API, the import and the entry grid.
 */
export const OverrideReasonSchema = z
  .string()
  .check(
    z.trim(),
    z.minLength(OVERRIDE_REASON_LENGTH.min),
    z.maxLength(OVERRIDE_REASON_LENGTH.max),
  );

/** The trimmed reason when `OverrideReasonSchema` accepts it, else null. */
export function validReason(text: string | null | undefined): string | null {
  const parsed = OverrideReasonSchema.safeParse(text);
  return parsed.success ? parsed.data : null;
}

/** A violation's key, `rule|scope|slice|subject`; an override's slice and subject default to `''`. */
export function violationKey(v: {
  rule: string;
  scope: string;
  slice?: string | undefined;
  subject?: string | undefined;
}): string {
  return `${v.rule}|${v.scope}|${v.slice ?? ''}|${v.subject ?? ''}`;
}

/** A stored value as the API returns it. */
const StoredValueSchema = z.object({
  scope: z.string(),
  indicator: z.string(),
  period: z.string(),
  slice: z.string(),
  value: z.number(),
  comment: z.nullable(z.string()),
  overrideReason: z.nullable(z.string()),
  version: z.int(),
  updatedAt: z.string(),
  updatedBy: z.nullable(z.string()),
});
export type StoredValue = z.infer<typeof StoredValueSchema>;

/** `GET /api/poles/{pole}/values`. */
export const ValuesResponseSchema = z.object({
  pole: z.string(),
  values: z.array(StoredValueSchema),
});
export type ValuesResponse = z.infer<typeof ValuesResponseSchema>;

/** One scope's indicator (total or slice) over the answer's `periods`: a value or null each. */
const ValueSeriesSchema = z.object({
  scope: z.string(),
  indicator: z.string(),
  slice: z.string(),
  values: z.array(z.nullable(z.number())),
});

/**
 * `GET /api/poles/{pole}/series`: the entered totals and the slices the catalogue's ratios are
 * computed from, one series per scope, indicator and slice (the values of `GET …/values?slice=
 * &ratioTerms=true` without their comments, versions and authors: ~14× fewer bytes).
 */
export const PoleSeriesResponseSchema = z.object({
  pole: z.string(),
  from: z.string(),
  to: z.string(),
  /** Every quarter of `from`–`to`, in order: `values[i]` is the value of `periods[i]`. */
  periods: z.array(z.string()),
  series: z.array(ValueSeriesSchema),
});
export type PoleSeriesResponse = z.infer<typeof PoleSeriesResponseSchema>;

/** The entered cells of a series answer, in its order (the input of the shared figures). */
export function seriesCells(answer: PoleSeriesResponse): Cell[] {
  const cells: Cell[] = [];
  for (const s of answer.series)
    for (let i = 0; i < s.values.length; i++) {
      const value = s.values[i];
      if (value === null || value === undefined) continue;
      cells.push({
        scope: s.scope,
        indicator: s.indicator,
        period: answer.periods[i] as Quarter,
        slice: s.slice,
        value,
      });
    }
  return cells;
}

const HistoryEntrySchema = z.object({
  id: z.int(),
  scope: z.string(),
  indicator: z.string(),
  period: z.string(),
  slice: z.string(),
  oldValue: z.nullable(z.number()),
  newValue: z.nullable(z.number()),
  oldComment: z.nullable(z.string()),
  newComment: z.nullable(z.string()),
  version: z.int(),
  changedAt: z.string(),
  changedBy: z.nullable(z.string()),
  reason: z.nullable(z.string()),
});
export type HistoryEntry = z.infer<typeof HistoryEntrySchema>;

/** `GET /api/poles/{pole}/history`: a page of changes, newest first. */
export const HistoryPageSchema = z.object({
  history: z.array(HistoryEntrySchema),
  /** The `before` of the next page, or null on the last one. */
  nextBefore: z.nullable(z.int()),
});
export type HistoryPage = z.infer<typeof HistoryPageSchema>;

/** A cell a save changed, with its new version. */
const SavedCellSchema = z.object({
  scope: z.string(),
  indicator: z.string(),
  slice: z.string(),
  value: z.nullable(z.number()),
  version: z.int(),
  /** The override reason now stored with the cell (per-entry and per-violation ones). */
  overrideReason: z.optional(z.nullable(z.string())),
});

/** The 200 answer of PUT /api/poles/{pole}/values. */
export const SaveValuesResponseSchema = z.object({
  period: z.string(),
  saved: z.array(SavedCellSchema),
  /** Entries that changed nothing. */
  unchanged: z.int(),
  warnings: z.array(RuleIssueSchema),
  /** Errors the batch's reasons overrode. */
  overridden: z.array(RuleIssueSchema),
});
export type SaveValuesResponse = z.infer<typeof SaveValuesResponseSchema>;
