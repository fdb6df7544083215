import * as z from 'zod/mini';
import { MembershipSchema } from './session.wire';

// Tokens and accounts as the API answers them, in zod/mini: what the web reads (see
// docs/decisions.md, "Wire shapes in zod/mini"). The requests are in ./users.schema.ts.

const ApiTokenSchema = z.object({
  id: z.int(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.nullable(z.string()),
  expiresAt: z.nullable(z.string()),
  revokedAt: z.nullable(z.string()),
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
const OwnedTokenSchema = z.extend(z.omit(ApiTokenSchema, { canWrite: true }), {
  user: z.object({ id: z.int(), email: z.string(), name: z.string() }),
});
export type OwnedToken = z.infer<typeof OwnedTokenSchema>;

/** `GET /api/admin/tokens` and `GET /api/admin/users/{id}/tokens`. */
export const OwnedTokensResponseSchema = z.object({ tokens: z.array(OwnedTokenSchema) });
export type OwnedTokensResponse = z.infer<typeof OwnedTokensResponseSchema>;

/** An account as an admin sees it (never its password). */
const UserAccountSchema = z.object({
  id: z.int(),
  email: z.string(),
  name: z.string(),
  createdAt: z.string(),
  disabledAt: z.nullable(z.string()),
  memberships: z.array(MembershipSchema),
});
export type UserAccount = z.infer<typeof UserAccountSchema>;

/** `GET /api/users`: every account, by e-mail. */
export const UsersResponseSchema = z.object({ users: z.array(UserAccountSchema) });
export type UsersResponse = z.infer<typeof UsersResponseSchema>;

/** One account created or changed by an admin. */
export const UserResponseSchema = z.object({ user: UserAccountSchema });
export type UserResponse = z.infer<typeof UserResponseSchema>;
