import * as z from 'zod/mini';
import { ErrorIssueSchema } from './errors.schema';

// What the web reads of narratives: answers in zod/mini, and the text rules the editor counts
// with. The requests the server validates are in ./narrative.schema.ts (classic zod).

/**
 * Most characters of one text of a narrative, counted in Unicode code points once normalised
 * (`narrativeLength`): an emoji or an "é" counts one, whatever its UTF-16 length.
 */
export const NARRATIVE_MAX_CHARS = 10_000;

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
 * A quarter's "faits marquants": the pole's text and each working group's (by slug, only those
 * with a text). `version` 0, `updatedAt` and `updatedBy` null: never written.
 */
export const NarrativeSchema = z.object({
  pole: z.string(),
  period: z.string(),
  text: z.string(),
  scopes: z.record(z.string(), z.string()),
  version: z.int(),
  updatedAt: z.nullable(z.string()),
  /** The name of who saved it last. */
  updatedBy: z.nullable(z.string()),
});
export type Narrative = z.infer<typeof NarrativeSchema>;

/** One text changed by a save: `scope` null is the pole's text. `''` is no text. */
const NarrativeChangeSchema = z.object({
  id: z.int(),
  scope: z.nullable(z.string()),
  oldText: z.string(),
  newText: z.string(),
  version: z.int(),
  changedAt: z.string(),
  changedBy: z.nullable(z.string()),
});
export type NarrativeChange = z.infer<typeof NarrativeChangeSchema>;

/** `GET /api/poles/{pole}/periods/{period}/narrative/history`: a page of changes, newest first. */
export const NarrativeHistorySchema = z.object({
  pole: z.string(),
  period: z.string(),
  changes: z.array(NarrativeChangeSchema),
  /** The `before` of the next page, or null on the last one. */
  nextBefore: z.nullable(z.int()),
});
export type NarrativeHistory = z.infer<typeof NarrativeHistorySchema>;

/** 409 CONFLICT of a narrative save: the version sent is not the stored one (path `version`). */
export const NarrativeConflictIssueSchema = z.extend(ErrorIssueSchema, {
  code: z.literal('stale_narrative'),
  yourVersion: z.int(),
  current: NarrativeSchema,
});
export type NarrativeConflictIssue = z.infer<typeof NarrativeConflictIssueSchema>;
