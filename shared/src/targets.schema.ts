import { z } from 'zod';
import { IndicatorCodeSchema } from './catalogue.schema';
import { SlugSchema } from './session.schema';
import { ValueNumberSchema } from './values.schema';

export * from './targets.wire';

const YearSchema = z.coerce.number().int().min(2000).max(2100);

export const TargetsQuerySchema = z.strictObject({ year: YearSchema });

const TargetEntrySchema = z.strictObject({
  scope: SlugSchema,
  indicator: IndicatorCodeSchema,
  value: ValueNumberSchema.nullable(),
});
export type TargetEntry = z.infer<typeof TargetEntrySchema>;

export const SaveTargetsRequestSchema = z.strictObject({
  year: z.number().int().min(2000).max(2100),
  targets: z.array(TargetEntrySchema).min(1).max(2000),
});
export type SaveTargetsRequest = z.infer<typeof SaveTargetsRequestSchema>;
