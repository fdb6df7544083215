import * as z from 'zod/mini';
import { RoleSchema } from './session.wire';

const ScopeSchema = z.object({
  slug: z.string(),
  name: z.string(),
  /** `pole` for the pole-level scope, `group` for a working group. */
  kind: z.enum(['group', 'pole']),
  indicators: z.array(z.string()),
});
export type Scope = z.infer<typeof ScopeSchema>;

const PoleSummarySchema = z.object({
  slug: z.string(),
  name: z.string(),
  territory: z.string(),
  region: z.object({ code: z.string(), name: z.string() }),
});
export type PoleSummary = z.infer<typeof PoleSummarySchema>;

export const PoleSchema = z.extend(PoleSummarySchema, { scopes: z.array(ScopeSchema) });
export type Pole = z.infer<typeof PoleSchema>;

/** `GET /api/poles`: the poles in the caller's scope. */
export const PolesResponseSchema = z.object({ poles: z.array(PoleSummarySchema) });
export type PolesResponse = z.infer<typeof PolesResponseSchema>;

/** `GET /api/poles/{pole}`: the pole, its scopes with their indicators, the caller's roles on it. */
export const PoleDetailSchema = z.extend(PoleSchema, { roles: z.array(RoleSchema) });
export type PoleDetail = z.infer<typeof PoleDetailSchema>;

/** A pole created or changed by an admin. */
export const PoleResponseSchema = z.object({ pole: PoleSchema });
export type PoleResponse = z.infer<typeof PoleResponseSchema>;

/** A scope created, renamed or given its indicators by an admin. */
export const ScopeResponseSchema = z.object({ scope: ScopeSchema });
export type ScopeResponse = z.infer<typeof ScopeResponseSchema>;

/** The pole-level scope's slug in every pole. */
export const POLE_SCOPE = 'pole';

/**
 * The name the pole-level scope is created with, and how each language says it: a fixed label,
 * not data (until an admin renames the scope: then its name is shown as written).
 */
export const POLE_SCOPE_NAMES = { fr: 'Pôle', en: 'Pole' } as const;

/** A scope's name in `lang`: the pole-level scope's own name translated, any other as stored. */
export function scopeNameIn(
  scope: { kind?: 'group' | 'pole'; slug?: string; name: string },
  lang: 'fr' | 'en',
): string {
  const pole = scope.kind === 'pole' || scope.slug === POLE_SCOPE;
  return pole && scope.name === POLE_SCOPE_NAMES.fr ? POLE_SCOPE_NAMES[lang] : scope.name;
}
