import { z } from 'zod';
import { QuarterSchema } from './periods';
import { PERIOD_STATUSES } from './periods.wire';
import { RegionCodeSchema, SlugSchema } from './session.schema';

const EXPORT_FORMATS = ['csv', 'csv-fr', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
const GRANULARITIES = ['quarter', 'year'] as const;
const LEVELS = ['scope', 'pole', 'region'] as const;
const LABEL_LANGS = ['fr', 'en'] as const;

/** A comma-separated list (`a,b`), trimmed, empty items dropped. */
const commaList = (max: number) =>
  z
    .string()
    .max(max)
    .transform((s) =>
      s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    );

/**
 * The query of GET /api/exports/values and /manifest. `poles` is a comma-separated slug list;
 * `status` a comma-separated list of quarter states, kept in the order draft, submitted,
 * validated, without duplicates; `labels` the language of an export for people.
 */
export const ExportQuerySchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS).default('csv'),
  from: z.optional(QuarterSchema),
  to: z.optional(QuarterSchema),
  by: z.enum(GRANULARITIES).default('quarter'),
  level: z.enum(LEVELS).default('scope'),
  region: z.optional(RegionCodeSchema),
  poles: commaList(20_000).pipe(z.array(SlugSchema).min(1).max(1000)).optional(),
  status: commaList(200)
    .pipe(z.array(z.enum(PERIOD_STATUSES)).min(1))
    .transform((list) => PERIOD_STATUSES.filter((s) => list.includes(s)))
    .optional()
    .describe(
      'Quarter states kept, comma-separated: validated, submitted, draft (default: all). Quarters in other states are left out before aggregation.',
    ),
  labels: z
    .enum(LABEL_LANGS)
    .optional()
    .describe(
      'An export for people: names beside the codes, and headers, unit, period, status and complete in French or English. Without it, the long format for scripts.',
    ),
});
export type ExportQuery = z.infer<typeof ExportQuerySchema>;

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
    region: z.string().nullable(),
    poles: z.array(z.string()),
    /** The quarter states kept (all three without a `status` filter). */
    status: z.array(z.enum(PERIOD_STATUSES)),
    /** The language of the labels, or null for the scripts' long format. */
    labels: z.enum(LABEL_LANGS).nullable(),
  }),
  catalogueVersion: z.string(),
  /** The file's column keys, in order (the JSON rows' field names). */
  columns: z.array(z.string()).readonly(),
  rowCount: z.number().int(),
  /**
   * Rows by their `status`: a row aggregating quarters in different states is `mixed`. The four
   * counts add up to `rowCount`.
   */
  statusCounts: z.object({
    validated: z.number().int(),
    submitted: z.number().int(),
    draft: z.number().int(),
    mixed: z.number().int(),
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
  value: z.number().nullable(),
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
  value: z.number().nullable(),
  status: z.string(),
  complete: z.string(),
});
export type ExportLabelledRow = z.infer<typeof ExportLabelledRowSchema>;

/** The JSON export (`format=json`): its manifest, then one row per number. */
export const ExportJsonSchema = z.object({
  manifest: ExportManifestSchema,
  rows: z.array(z.union([ExportRowSchema, ExportLabelledRowSchema])),
});
