import * as z from 'zod/mini';

// An import's result as the API answers it, in zod/mini: what the web reads (see
// docs/decisions.md, "Wire shapes in zod/mini"). The queries are in ./imports.schema.ts.

/** A cell the import changes (or would change, in a dry run). */
const ImportChangeSchema = z.object({
  /** Where the line is: sheet name (null for CSV) and 1-based row. */
  sheet: z.nullable(z.string()),
  row: z.int(),
  scope: z.string(),
  indicator: z.string(),
  slice: z.string(),
  /** The indicator's label, with the slice's dimension and member. */
  label: z.string(),
  old: z.nullable(z.number()),
  new: z.nullable(z.number()),
  oldComment: z.nullable(z.string()),
  newComment: z.nullable(z.string()),
  /** The cell's version after the change. */
  version: z.int(),
});
export type ImportChange = z.infer<typeof ImportChangeSchema>;

/** A consistency-rule result, located in the file where its changed cells are. */
const ImportRuleIssueSchema = z.object({
  rule: z.string(),
  severity: z.enum(['error', 'warning']),
  scope: z.string(),
  period: z.string(),
  slice: z.string(),
  /** With rule, scope and slice, identifies the violation (an `overrides` item's `subject`). */
  subject: z.string(),
  message: z.string(),
  cells: z.array(z.object({ scope: z.string(), indicator: z.string(), slice: z.string() })),
  params: z.record(z.string(), z.union([z.number(), z.string()])),
  locations: z.array(z.object({ sheet: z.nullable(z.string()), row: z.int() })),
});
export type ImportRuleIssue = z.infer<typeof ImportRuleIssueSchema>;

/** The 200 answer of an import, dry run or not. */
export const ImportResultSchema = z.object({
  pole: z.string(),
  period: z.string(),
  format: z.enum(['xlsx', 'csv', 'csv-fr']),
  fileName: z.string(),
  dryRun: z.boolean(),
  /** Data rows read in the file. */
  rows: z.int(),
  changes: z.array(ImportChangeSchema),
  /** Rows that change nothing (empty cells, same values). */
  unchanged: z.int(),
  /**
   * `errors`: rule errors that would block (dry run only; a real run answers 422 instead).
   * `overridden`: rule errors passed because a reason was sent for their violation
   * (`overrides`), or every changed cell they involve carries a `motif de dérogation` (override
   * reason) in the file.
   */
  rules: z.object({
    errors: z.array(ImportRuleIssueSchema),
    warnings: z.array(ImportRuleIssueSchema),
    overridden: z.array(ImportRuleIssueSchema),
  }),
});
export type ImportResult = z.infer<typeof ImportResultSchema>;
