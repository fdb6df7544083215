import { z } from 'zod';
import { ErrorIssueSchema } from './errors.schema';
import { SlugSchema } from './session.schema';

/**
 * Most characters of one text of a narrative, counted in Unicode code points once normalised
 * (`narrativeLength`): an emoji or an "é" counts one, whatever its UTF-16 length.
 */
export const NARRATIVE_MAX_CHARS = 10_000;

/** Most scope texts one request may carry (a pole has a handful of scopes). */
const MAX_SCOPE_TEXTS = 100;

/** A control character other than newline and tab (carriage returns are normalised first). */
const CONTROL = /[^\P{Cc}\n\t]/u;

/** What the schema says of a control character; the server replaces it with its own text. */
export const NARRATIVE_CONTROL_MESSAGE = 'control character (only newline and tab are allowed)';

/** A text as stored: line ends written `\n`, no blank at either end. */
export const normalizeNarrative = (text: string): string => text.replace(/\r\n?/g, '\n').trim();

/** The length of `text` as stored, in Unicode code points (the one count of API and screens). */
export function narrativeLength(text: string): number {
  let n = 0;
  for (const _ of normalizeNarrative(text)) n++;
  return n;
}

/** The first control character `text` holds that a narrative refuses, or null. */
export function narrativeControl(text: string): string | null {
  return CONTROL.exec(normalizeNarrative(text))?.[0] ?? null;
}

/**
 * One text: plain text whose paragraphs are separated by newlines, normalised
 * (`normalizeNarrative`), at most NARRATIVE_MAX_CHARS code points, no control character but
 * newline and tab. `''` is no text.
 */
const NarrativeTextSchema = z
  .string()
  .overwrite(normalizeNarrative)
  .superRefine((text, ctx) => {
    if (narrativeLength(text) > NARRATIVE_MAX_CHARS)
      ctx.addIssue({
        code: 'too_big',
        origin: 'string',
        maximum: NARRATIVE_MAX_CHARS,
        inclusive: true,
        input: text,
      });
    if (CONTROL.test(text)) ctx.addIssue({ code: 'custom', message: NARRATIVE_CONTROL_MESSAGE });
  })
  .describe(
    `Plain text, paragraphs separated by \`\\n\` (\`\\r\\n\` is read as \`\\n\`), trimmed; at most ${NARRATIVE_MAX_CHARS} Unicode code points; no control character but newline and tab. \`''\` clears.`,
  );

/**
 * `PUT /api/poles/{pole}/periods/{period}/narrative`: the pole's text, replaced; the texts of
 * the scopes listed (working groups of the pole, `''` clears one), the others kept; the version
 * last read (absent or 0: none was read).
 */
export const NarrativeSaveRequestSchema = z.strictObject({
  text: NarrativeTextSchema,
  scopes: z
    .record(SlugSchema, NarrativeTextSchema)
    .refine((r) => Object.keys(r).length <= MAX_SCOPE_TEXTS, `at most ${MAX_SCOPE_TEXTS} scopes`)
    .optional(),
  version: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).optional(),
});
export type NarrativeSaveRequest = z.infer<typeof NarrativeSaveRequestSchema>;

/**
 * A quarter's "faits marquants": the pole's text and each working group's (by slug, only those
 * with a text). `version` 0, `updatedAt` and `updatedBy` null: never written.
 */
export const NarrativeSchema = z.object({
  pole: z.string(),
  period: z.string(),
  text: z.string(),
  scopes: z.record(z.string(), z.string()),
  version: z.number().int(),
  updatedAt: z.string().nullable(),
  /** The name of who saved it last. */
  updatedBy: z.string().nullable(),
});
export type Narrative = z.infer<typeof NarrativeSchema>;

/** One text changed by a save: `scope` null is the pole's text. `''` is no text. */
const NarrativeChangeSchema = z.object({
  id: z.number().int(),
  scope: z.string().nullable(),
  oldText: z.string(),
  newText: z.string(),
  version: z.number().int(),
  changedAt: z.string(),
  changedBy: z.string().nullable(),
});
export type NarrativeChange = z.infer<typeof NarrativeChangeSchema>;

/** `GET /api/poles/{pole}/periods/{period}/narrative/history`: a page of changes, newest first. */
export const NarrativeHistorySchema = z.object({
  pole: z.string(),
  period: z.string(),
  changes: z.array(NarrativeChangeSchema),
  /** The `before` of the next page, or null on the last one. */
  nextBefore: z.number().int().nullable(),
});
export type NarrativeHistory = z.infer<typeof NarrativeHistorySchema>;

/** `scope`: one scope's changes (`pole`: the pole's text); pages of `limit` (100) before `before`. */
export const NarrativeHistoryQuerySchema = z.strictObject({
  scope: SlugSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});
export type NarrativeHistoryQuery = z.infer<typeof NarrativeHistoryQuerySchema>;

/** 409 CONFLICT of a narrative save: the version sent is not the stored one (path `version`). */
export const NarrativeConflictIssueSchema = ErrorIssueSchema.extend({
  code: z.literal('stale_narrative'),
  yourVersion: z.number().int(),
  current: NarrativeSchema,
});
export type NarrativeConflictIssue = z.infer<typeof NarrativeConflictIssueSchema>;
