import { z } from 'zod';
import { type ErrorIssue, ErrorIssueSchema } from './errors.schema';
import { RULE_SEVERITIES } from './rules.types';

// The typed issues of the error envelope: what a 409 or a 422 lists, field by field. Each is an
// ErrorIssue (path, code, message) with its own details; a client reads them with `issuesOf`.

const CellSchema = z.object({ scope: z.string(), indicator: z.string(), slice: z.string() });

/**
 * 409 CONFLICT of a save or an import: an entry whose `version` is not the stored one (path
 * `entries.i.version`), with what is stored now (`current`, null when the cell is gone).
 */
export const StaleVersionIssueSchema = ErrorIssueSchema.extend({
  code: z.literal('stale_version'),
  ...CellSchema.shape,
  yourVersion: z.number().int(),
  current: z
    .object({
      value: z.number().nullable(),
      comment: z.string().nullable(),
      version: z.number().int(),
      updatedAt: z.string(),
      /** The name of who saved it. */
      updatedBy: z.string().nullable(),
    })
    .nullable(),
});

export type StaleVersionIssue = z.infer<typeof StaleVersionIssueSchema>;

/**
 * 422 INVALID_ENTRIES of a save: an entry the catalogue refuses (unknown indicator or scope,
 * wrong slice, not an integer, out of bounds, a ratio…), at `entries.i`.
 */
export const EntryIssueSchema = ErrorIssueSchema.extend(CellSchema.shape);
export type EntryIssue = z.infer<typeof EntryIssueSchema>;

/**
 * 422 RULE_VIOLATION: a consistency-rule error of the batch, with the cells of the quarter it
 * involves (one issue per violation); an import adds where those cells are in the file
 * (`locations`).
 */
export const RuleViolationIssueSchema = ErrorIssueSchema.extend({
  rule: z.string(),
  severity: z.enum(RULE_SEVERITIES),
  scope: z.string(),
  period: z.string(),
  slice: z.string(),
  cells: z.array(CellSchema),
  params: z.record(z.string(), z.union([z.number(), z.string()])),
  /** What tells it apart from issues of the same rule and slice (`violationSubject`). */
  subject: z.string().optional(),
  /** A save's 422 lists each concerned error once: whether a reason of the batch overrides it. */
  overridden: z.boolean().optional(),
  /** A save's 422: the indexes of the batch's entries the violation involves. */
  entries: z.array(z.number().int()).optional(),
  locations: z.array(z.object({ sheet: z.string().nullable(), row: z.number().int() })).optional(),
});
export type RuleViolationIssue = z.infer<typeof RuleViolationIssueSchema>;

/**
 * An issue of an imported file (422 INVALID_ENTRIES, or a 409 of its rows), located as the user
 * sees the file: sheet (null for CSV), 1-based row and column letter, and the column's header.
 */
export const FileIssueSchema = ErrorIssueSchema.extend({
  sheet: z.string().nullable(),
  row: z.number().int().nullable(),
  column: z.string().nullable(),
  header: z.string().optional(),
});

/** The issues of `issues` that have the shape of `schema`, parsed; the others are left out. */
export function issuesOf<S extends z.ZodType>(
  schema: S,
  issues: readonly ErrorIssue[],
): Array<z.infer<S>> {
  const out: Array<z.infer<S>> = [];
  for (const issue of issues) {
    const parsed = schema.safeParse(issue);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}
