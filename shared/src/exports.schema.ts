import { z } from 'zod';
import { EXPORT_FORMATS, GRANULARITIES, LABEL_LANGS, LEVELS } from './exports.wire';
import { QuarterSchema } from './periods';
import { PERIOD_STATUSES } from './periods.wire';
import { RegionCodeSchema, SlugSchema } from './session.wire';

export * from './exports.wire';

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
