import { z } from 'zod';

export const ScopeSchema = z.object({
  slug: z.string(),
  name: z.string(),
  /** `pole` for the pole-level scope, `group` for a working group. */
  kind: z.enum(['group', 'pole']),
  indicators: z.array(z.string()),
});
export type Scope = z.infer<typeof ScopeSchema>;

export const PoleSummarySchema = z.object({
  slug: z.string(),
  name: z.string(),
  territory: z.string(),
  region: z.object({ code: z.string(), name: z.string() }),
});
export type PoleSummary = z.infer<typeof PoleSummarySchema>;

export const PoleSchema = PoleSummarySchema.extend({ scopes: z.array(ScopeSchema) });
export type Pole = z.infer<typeof PoleSchema>;

/** The pole-level scope's slug in every pole. */
export const POLE_SCOPE = 'pole';
