import * as z from 'zod/mini';
import { type ErrorIssue, ErrorIssueSchema } from './errors.schema';
import { RULE_SEVERITIES } from './rules.types';

// The typed issues of the error envelope: what a 409 or a 422 lists, field by field. Each is an
// ErrorIssue (path, code, message) with its own details; a client reads them with `issuesOf`.

const CellSchema = z.object({ scope: z.string(), indicator: z.string(), slice: z.string() });

/**
 * 409 CONFLICT of a save or an import: an entry whose `version` is not the stored one (path
 * `entries.i.version`), with what is stored now (`current`, null when the cell is gone).
 */
export const StaleVersionIssueSchema = z.extend(ErrorIssueSchema, {
  code: z.literal('stale_version'),
  ...CellSchema.shape,
  yourVersion: z.int(),
  current: z.nullable(
    z.object({
      value: z.nullable(z.number()),
      comment: z.nullable(z.string()),
      version: z.int(),
      updatedAt: z.string(),
      /** The name of who saved it. */
      updatedBy: z.nullable(z.string()),
    }),
  ),
});

export type StaleVersionIssue = z.infer<typeof StaleVersionIssueSchema>;

/**
 * 422 INVALID_ENTRIES of a save: an entry the catalogue refuses (unknown indicator or scope,
 * wrong slice, not an integer, out of bounds, a ratio…), at `entries.i`.
 */
export const EntryIssueSchema = z.extend(ErrorIssueSchema, CellSchema.shape);
export type EntryIssue = z.infer<typeof EntryIssueSchema>;

/**
 * 422 RULE_VIOLATION: a consistency-rule error of the batch, with the cells of the quarter it
 * involves (one issue per violation); an import adds where those cells are in the file
 * (`locations`).
 */
export const RuleViolationIssueSchema = z.extend(ErrorIssueSchema, {
  rule: z.string(),
  severity: z.enum(RULE_SEVERITIES),
  scope: z.string(),
  period: z.string(),
  slice: z.string(),
  cells: z.array(CellSchema),
  params: z.record(z.string(), z.union([z.number(), z.string()])),
  /** What tells it apart from issues of the same rule and slice (`violationSubject`). */
  subject: z.optional(z.string()),
  /** A save's 422 lists each concerned error once: whether a reason of the batch overrides it. */
  overridden: z.optional(z.boolean()),
  /** A save's 422: the indexes of the batch's entries the violation involves. */
  entries: z.optional(z.array(z.int())),
  locations: z.optional(z.array(z.object({ sheet: z.nullable(z.string()), row: z.int() }))),
});
export type RuleViolationIssue = z.infer<typeof RuleViolationIssueSchema>;

/**
 * An issue of an imported file (422 INVALID_ENTRIES, or a 409 of its rows), located as the user
 * sees the file: sheet (null for CSV), 1-based row and column letter, and the column's header.
 */
export const FileIssueSchema = z.extend(ErrorIssueSchema, {
  sheet: z.nullable(z.string()),
  row: z.nullable(z.int()),
  column: z.nullable(z.string()),
  header: z.optional(z.string()),
});

/** The issues of `issues` that have the shape of `schema`, parsed; the others are left out. */
export function issuesOf<S extends z.core.$ZodType>(
  schema: S,
  issues: readonly ErrorIssue[],
): Array<z.infer<S>> {
  const out: Array<z.infer<S>> = [];
  for (const issue of issues) {
    const parsed = z.safeParse(schema, issue);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}
