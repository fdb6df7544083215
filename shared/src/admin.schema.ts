import { z } from 'zod';
import { IndicatorCodeSchema } from './catalogue.schema';
import { POLE_SCOPE } from './poles.schema';
import { RegionCodeSchema, SlugSchema } from './session.wire';
import { NOT_SPECIFIED } from './slices';
import { MembershipInputSchema } from './users.schema';

export * from './admin.wire';

// The administration API (`/api/admin/*`): request bodies (the region answers are in
// ./admin.wire.ts).

const NameSchema = z.string().trim().min(1).max(200);
const TerritorySchema = z.string().trim().min(1).max(300);

/**
 * Scope slugs that can never name a working group: the pole scope itself, and the members
 * every `working_group` breakdown already has (a group slug is also a slice member there).
 */
const RESERVED_SCOPE_SLUGS: readonly string[] = [POLE_SCOPE, 'transversal', NOT_SPECIFIED];

const atLeastOne = (o: object) => Object.values(o).some((v) => v !== undefined);
const AT_LEAST_ONE = { message: 'at least one field to change' };

export const CreateRegionRequestSchema = z.strictObject({
  code: RegionCodeSchema,
  name: NameSchema,
});
export type CreateRegionRequest = z.infer<typeof CreateRegionRequestSchema>;

export const CreatePoleRequestSchema = z.strictObject({
  slug: SlugSchema,
  name: NameSchema,
  territory: TerritorySchema,
  region: RegionCodeSchema,
});
export type CreatePoleRequest = z.infer<typeof CreatePoleRequestSchema>;

/** The slug of a pole is its address in URLs, files and scripts: it never changes. */
export const UpdatePoleRequestSchema = z
  .strictObject({
    name: NameSchema.optional(),
    territory: TerritorySchema.optional(),
    region: z.optional(RegionCodeSchema),
  })
  .refine(atLeastOne, AT_LEAST_ONE);
export type UpdatePoleRequest = z.infer<typeof UpdatePoleRequestSchema>;

/** Catalogue codes, each once, in the order the scope shows them. */
const IndicatorListSchema = z
  .array(IndicatorCodeSchema)
  .max(500)
  .refine((codes) => new Set(codes).size === codes.length, { message: 'duplicate indicator' });

export const CreateGroupRequestSchema = z.strictObject({
  slug: SlugSchema.check(
    z.refine((s: string) => !RESERVED_SCOPE_SLUGS.includes(s), {
      message: `reserved slug (${RESERVED_SCOPE_SLUGS.join(', ')})`,
    }),
  ),
  name: NameSchema,
  indicators: IndicatorListSchema.optional(),
});
export type CreateGroupRequest = z.infer<typeof CreateGroupRequestSchema>;

/** A scope's slug is a slice member of the `working_group` breakdown: it never changes. */
export const UpdateScopeRequestSchema = z.strictObject({ name: NameSchema });

export const SetIndicatorsRequestSchema = z.strictObject({ indicators: IndicatorListSchema });

export const UpdateUserRequestSchema = z
  .strictObject({
    name: NameSchema.optional(),
    memberships: z
      .array(MembershipInputSchema)
      .max(100)
      .refine(
        (ms) => new Set(ms.map((m) => `${m.role}|${m.pole}|${m.region}`)).size === ms.length,
        { message: 'duplicate membership' },
      )
      .optional(),
  })
  .refine(atLeastOne, AT_LEAST_ONE);
export type UpdateUserRequest = z.infer<typeof UpdateUserRequestSchema>;

export const ResetPasswordRequestSchema = z.strictObject({
  password: z.string().min(12, 'at least 12 characters').max(1024),
});

/** A numeric id in a path or query: digits only (no sign, exponent or white space). */
export const IdSchema = z
  .string()
  .regex(/^[1-9]\d{0,14}$/, 'a positive integer id')
  .transform(Number);

export const TokensQuerySchema = z.strictObject({ user: IdSchema.optional() });
