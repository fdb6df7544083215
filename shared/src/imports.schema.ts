import { z } from 'zod';
import { QuarterSchema } from './periods';

export * from './imports.wire';

/** `GET …/template.xlsx?period=2026Q3`. */
export const TemplateQuerySchema = z.strictObject({ period: QuarterSchema });

/**
 * `POST …/import?period=2026Q3&dryRun=true&filename=…`. `dryRun` defaults to true: nothing is
 * written unless `dryRun=false` is asked for explicitly.
 */
export const ImportQuerySchema = z.strictObject({
  period: QuarterSchema,
  dryRun: z.enum(['true', 'false']).default('true'),
  filename: z.string().min(1).max(255).optional(),
});
