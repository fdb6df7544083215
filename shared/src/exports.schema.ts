import { z } from 'zod';
import { QuarterSchema } from './periods';
import { PERIOD_STATUSES } from './periods.schema';
import { RegionCodeSchema, SlugSchema } from './session.schema';

const EXPORT_FORMATS = ['csv', 'csv-fr', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
const GRANULARITIES = ['quarter', 'year'] as const;
const LEVELS = ['scope', 'pole', 'region'] as const;

/** The query of GET /api/exports/values and /manifest. `poles` is a comma-separated slug list. */
export const ExportQuerySchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS).default('csv'),
  from: QuarterSchema.optional(),
  to: QuarterSchema.optional(),
  by: z.enum(GRANULARITIES).default('quarter'),
  level: z.enum(LEVELS).default('scope'),
  region: RegionCodeSchema.optional(),
  poles: z
    .string()
    .max(20_000)
    .transform((s) =>
      s
        .split(',')
        .map((p) => p.trim())
        .filter(Boolean),
    )
    .pipe(z.array(SlugSchema).min(1).max(1000))
    .optional(),
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
  }),
  catalogueVersion: z.string(),
  columns: z.array(z.string()).readonly(),
  rowCount: z.number().int(),
  /** SHA-256 (hex) of the data rows written as RFC 4180 CSV lines (CRLF), header excluded. */
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

/** The JSON export (`format=json`): its manifest, then one row per number. */
export const ExportJsonSchema = z.object({
  manifest: ExportManifestSchema,
  rows: z.array(ExportRowSchema),
});
