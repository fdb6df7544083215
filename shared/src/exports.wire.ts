import * as z from 'zod/mini';
import { PERIOD_STATUSES } from './periods.wire';

// What an export holds, as the manifest and the JSON export answer it, in zod/mini: what the
// web reads (see docs/decisions.md, "Wire shapes in zod/mini"). The query is in
// ./exports.schema.ts.

export const EXPORT_FORMATS = ['csv', 'csv-fr', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
export const GRANULARITIES = ['quarter', 'year'] as const;
export const LEVELS = ['scope', 'pole', 'region'] as const;
export const LABEL_LANGS = ['fr', 'en'] as const;

/** What an export holds and how to check it (`GET /api/exports/manifest`, the JSON's header). */
export const ExportManifestSchema = z.object({
  generatedAt: z.string(),
  generatedBy: z.object({ name: z.string(), email: z.string() }),
  filters: z.object({
    format: z.enum(EXPORT_FORMATS),
    from: z.string(),
    to: z.string(),
    by: z.enum(GRANULARITIES),
    level: z.enum(LEVELS),
    region: z.nullable(z.string()),
    poles: z.array(z.string()),
    /** The quarter states kept (all three without a `status` filter). */
    status: z.array(z.enum(PERIOD_STATUSES)),
    /** The language of the labels, or null for the scripts' long format. */
    labels: z.nullable(z.enum(LABEL_LANGS)),
  }),
  catalogueVersion: z.string(),
  /** The file's column keys, in order (the JSON rows' field names). */
  columns: z.readonly(z.array(z.string())),
  rowCount: z.int(),
  /**
   * Rows by their `status`: a row aggregating quarters in different states is `mixed`. The four
   * counts add up to `rowCount`.
   */
  statusCounts: z.object({
    validated: z.int(),
    submitted: z.int(),
    draft: z.int(),
    mixed: z.int(),
  }),
  /**
   * SHA-256 (hex) of the data rows written as RFC 4180 CSV lines (CRLF), header excluded, in the
   * long format without labels whatever the format and labels: the same numbers, the same digest.
   */
  sha256: z.string(),
  notes: z.array(z.string()),
});
export type ExportManifest = z.infer<typeof ExportManifestSchema>;

/**
 * One number of an export, in the long format of DESIGN.md "The export" (the engine's
 * AggregateRow, the value rounded to the indicator's decimals).
 */
export const ExportRowSchema = z.object({
  region: z.string(),
  pole: z.string(),
  scope: z.string(),
  indicator: z.string(),
  unit: z.string(),
  /** A quarter `2025Q2` or a year `2025`. */
  period: z.string(),
  slice: z.string(),
  value: z.nullable(z.number()),
  /** The workflow state of every quarter the row aggregates, or `mixed`. */
  status: z.enum([...PERIOD_STATUSES, 'mixed']),
  complete: z.boolean(),
});
export type ExportRow = z.infer<typeof ExportRowSchema>;

/**
 * A row of an export with labels (`labels=fr|en`), as every format writes it: the codes, each
 * followed by its name, and unit, period (`T1 2024`, `2024`), status (`Validé`) and complete
 * (`oui`) in the language; the value stays a number, rounded as in the long format.
 */
export const ExportLabelledRowSchema = z.object({
  region: z.string(),
  region_name: z.string(),
  pole: z.string(),
  pole_name: z.string(),
  scope: z.string(),
  scope_name: z.string(),
  indicator: z.string(),
  indicator_label: z.string(),
  unit: z.string(),
  period: z.string(),
  slice: z.string(),
  slice_label: z.string(),
  value: z.nullable(z.number()),
  status: z.string(),
  complete: z.string(),
});
export type ExportLabelledRow = z.infer<typeof ExportLabelledRowSchema>;

/** The JSON export (`format=json`): its manifest, then one row per number. */
export const ExportJsonSchema = z.object({
  manifest: ExportManifestSchema,
  rows: z.array(z.union([ExportRowSchema, ExportLabelledRowSchema])),
});
