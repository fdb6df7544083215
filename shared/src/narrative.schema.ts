import { z } from 'zod';
import {
  NARRATIVE_CONTROL_MESSAGE,
  NARRATIVE_MAX_CHARS,
  narrativeControl,
  narrativeLength,
  normalizeNarrative,
} from './narrative.wire';
import { SlugSchema } from './session.schema';

export * from './narrative.wire';

/** Most scope texts one request may carry (a pole has a handful of scopes). */
const MAX_SCOPE_TEXTS = 100;

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
    if (narrativeControl(text) !== null)
      ctx.addIssue({ code: 'custom', message: NARRATIVE_CONTROL_MESSAGE });
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

/** `scope`: one scope's changes (`pole`: the pole's text); pages of `limit` (100) before `before`. */
export const NarrativeHistoryQuerySchema = z.strictObject({
  scope: z.optional(SlugSchema),
  limit: z.coerce.number().int().min(1).max(500).optional(),
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});
export type NarrativeHistoryQuery = z.infer<typeof NarrativeHistoryQuerySchema>;
