import { z } from 'zod';
import {
  EmailSchema,
  MembershipSchema,
  RegionCodeSchema,
  RoleSchema,
  SlugSchema,
} from './session.schema';

export const MembershipInputSchema = z
  .strictObject({
    role: RoleSchema,
    pole: z.optional(SlugSchema),
    region: z.optional(RegionCodeSchema),
  })
  .superRefine((m, ctx) => {
    const needsPole = m.role === 'coordinator' || m.role === 'board';
    if (needsPole && (!m.pole || m.region)) {
      ctx.addIssue({ code: 'custom', message: `${m.role}: a pole and no region` });
    }
    if (m.role === 'cress' && (!m.region || m.pole)) {
      ctx.addIssue({ code: 'custom', message: 'cress: a region and no pole' });
    }
    if (m.role === 'admin' && (m.region || m.pole)) {
      ctx.addIssue({ code: 'custom', message: 'admin: no pole and no region' });
    }
  });
export type MembershipInput = z.infer<typeof MembershipInputSchema>;

export const CreateUserRequestSchema = z.strictObject({
  email: EmailSchema,
  name: z.string().trim().min(1).max(200),
  password: z.string().min(12, 'at least 12 characters').max(1024),
  memberships: z.array(MembershipInputSchema).max(100),
});
export type CreateUserRequest = z.infer<typeof CreateUserRequestSchema>;

export const CreateTokenRequestSchema = z.strictObject({
  name: z.string().trim().min(1).max(100),
  expiresInDays: z.number().int().min(1).max(3650).optional(),
  /** Also allow writes (PUT values…); tokens are read-only by default. */
  write: z.boolean().optional(),
});
export type CreateTokenRequest = z.infer<typeof CreateTokenRequestSchema>;

const ApiTokenSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  expiresAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  canWrite: z.boolean(),
});
export type ApiToken = z.infer<typeof ApiTokenSchema>;

/** `GET /api/tokens`: the caller's tokens, newest first. */
export const TokensResponseSchema = z.object({ tokens: z.array(ApiTokenSchema) });
export type TokensResponse = z.infer<typeof TokensResponseSchema>;

/** `POST /api/tokens`: the token and its secret, shown this once only. */
export const CreatedTokenSchema = z.object({ token: ApiTokenSchema, secret: z.string() });
export type CreatedToken = z.infer<typeof CreatedTokenSchema>;

/** A token as an admin lists it: with its owner (its write scope is not listed). */
const OwnedTokenSchema = ApiTokenSchema.omit({ canWrite: true }).extend({
  user: z.object({ id: z.number().int(), email: z.string(), name: z.string() }),
});
export type OwnedToken = z.infer<typeof OwnedTokenSchema>;

/** `GET /api/admin/tokens` and `GET /api/admin/users/{id}/tokens`. */
export const OwnedTokensResponseSchema = z.object({ tokens: z.array(OwnedTokenSchema) });
export type OwnedTokensResponse = z.infer<typeof OwnedTokensResponseSchema>;

/** An account as an admin sees it (never its password). */
const UserAccountSchema = z.object({
  id: z.number().int(),
  email: z.string(),
  name: z.string(),
  createdAt: z.string(),
  disabledAt: z.string().nullable(),
  memberships: z.array(MembershipSchema),
});
export type UserAccount = z.infer<typeof UserAccountSchema>;

/** `GET /api/users`: every account, by e-mail. */
export const UsersResponseSchema = z.object({ users: z.array(UserAccountSchema) });
export type UsersResponse = z.infer<typeof UsersResponseSchema>;

/** One account created or changed by an admin. */
export const UserResponseSchema = z.object({ user: UserAccountSchema });
export type UserResponse = z.infer<typeof UserResponseSchema>;
