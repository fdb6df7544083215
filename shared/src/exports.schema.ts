import { z } from 'zod';
import { QuarterSchema } from './periods';
import { RegionCodeSchema, SlugSchema } from './session.schema';

export const EXPORT_FORMATS = ['csv', 'csv-fr', 'xlsx', 'json'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** The query of GET /api/exports/values and /manifest. `poles` is a comma-separated slug list. */
export const ExportQuerySchema = z.strictObject({
  format: z.enum(EXPORT_FORMATS).default('csv'),
  from: QuarterSchema.optional(),
  to: QuarterSchema.optional(),
  by: z.enum(['quarter', 'year']).default('quarter'),
  level: z.enum(['scope', 'pole', 'region']).default('scope'),
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

/** What an export holds and how to check it. */
export interface ExportManifest {
  generatedAt: string;
  generatedBy: { name: string; email: string };
  filters: {
    format: ExportFormat;
    from: string;
    to: string;
    by: 'quarter' | 'year';
    level: 'scope' | 'pole' | 'region';
    region: string | null;
    poles: string[];
  };
  catalogueVersion: string;
  columns: readonly string[];
  rowCount: number;
  /** SHA-256 (hex) of the data rows written as RFC 4180 CSV lines (CRLF), header excluded. */
  sha256: string;
  notes: string[];
}
