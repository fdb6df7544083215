import { z } from 'zod';

export const ROLES = ['coordinator', 'board', 'cress', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const SlugSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'slug: lower-case letters, digits and dashes');
export const RegionCodeSchema = z
  .string()
  .min(2)
  .max(16)
  .regex(/^[A-Z0-9]+(-[A-Z0-9]+)*$/, 'region code: capitals and digits');

export const EmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

export const LoginRequestSchema = z.strictObject({
  email: z.string().max(254),
  password: z.string().max(1024),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

/** A role held on a pole (coordinator, board), a region (cress) or the instance (admin). */
export const MembershipSchema = z.object({
  role: RoleSchema,
  pole: SlugSchema.nullable(),
  region: RegionCodeSchema.nullable(),
});
export type Membership = z.infer<typeof MembershipSchema>;

const SessionUserSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  memberships: z.array(MembershipSchema),
});

export const SessionResponseSchema = z.object({
  user: SessionUserSchema,
  expiresAt: z.string().nullable(),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;
