import * as z from 'zod/mini';

// The targets answer, in zod/mini: what the web reads (see docs/decisions.md, "Wire shapes in
// zod/mini"). The requests are in ./targets.schema.ts.

const TargetSchema = z.object({
  scope: z.string(),
  indicator: z.string(),
  year: z.int(),
  value: z.number(),
  updatedAt: z.string(),
  updatedBy: z.nullable(z.string()),
});
export type Target = z.infer<typeof TargetSchema>;

/** `GET` and `PUT /api/poles/{pole}/targets`: the year's targets. */
export const TargetsResponseSchema = z.object({
  year: z.int(),
  targets: z.array(TargetSchema),
});
export type TargetsResponse = z.infer<typeof TargetsResponseSchema>;
