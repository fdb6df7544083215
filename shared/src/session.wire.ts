import * as z from 'zod/mini';

// Roles, slugs and the session answer, in zod/mini: the login page parses the session with them
// (see docs/decisions.md, "Wire shapes in zod/mini"). The login request is in ./session.schema.ts.

export const ROLES = ['coordinator', 'board', 'cress', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const SlugSchema = z
  .string()
  .check(
    z.minLength(1),
    z.maxLength(64),
    z.regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'slug: lower-case letters, digits and dashes'),
  );
export const RegionCodeSchema = z
  .string()
  .check(
    z.minLength(2),
    z.maxLength(16),
    z.regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, 'region code: capitals and digits'),
  );

/** A role held on a pole (coordinator, board), a region (cress) or the instance (admin). */
export const MembershipSchema = z.object({
  role: RoleSchema,
  pole: z.nullable(SlugSchema),
  region: z.nullable(RegionCodeSchema),
});
export type Membership = z.infer<typeof MembershipSchema>;

const SessionUserSchema = z.object({
  id: z.int(),
  email: z.string(),
  name: z.string(),
  memberships: z.array(MembershipSchema),
});

export const SessionResponseSchema = z.object({
  user: SessionUserSchema,
  expiresAt: z.nullable(z.string()),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;
