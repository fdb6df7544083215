import type { ApiToken } from '@ptce/shared/users.schema';
import type { Selectable } from 'kysely';
import type { ApiTokenTable, Db } from '../db/database';

const COLUMNS = [
  'id',
  'name',
  'prefix',
  'created_at',
  'last_used_at',
  'expires_at',
  'revoked_at',
  'can_write',
] as const;

type TokenRow = Pick<Selectable<ApiTokenTable>, (typeof COLUMNS)[number]>;

/** A token row as the API shows it: never its hash. */
function toToken(r: TokenRow): ApiToken {
  return {
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    canWrite: r.can_write === 1,
  };
}

/** The API tokens of one user, newest first, revoked and expired ones included. */
export async function listOwnTokens(db: Db, userId: number): Promise<ApiToken[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(COLUMNS)
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .execute();
  return rows.map(toToken);
}

/** Stores a new token of `userId` by the SHA-256 of its secret; returns it as the API shows it. */
export async function insertToken(
  db: Db,
  t: {
    userId: number;
    name: string;
    prefix: string;
    tokenHash: string;
    at: string;
    expiresAt: string | null;
    canWrite: boolean;
  },
): Promise<ApiToken> {
  const row = await db
    .insertInto('api_tokens')
    .values({
      user_id: t.userId,
      name: t.name,
      prefix: t.prefix,
      token_hash: t.tokenHash,
      created_at: t.at,
      last_used_at: null,
      expires_at: t.expiresAt,
      revoked_at: null,
      can_write: t.canWrite ? 1 : 0,
    })
    .returning(COLUMNS)
    .executeTakeFirstOrThrow();
  return toToken(row);
}

/** Revokes a live token of `userId`; false when the user has no such live token. */
export async function revokeOwnToken(
  db: Db,
  id: number,
  userId: number,
  at: string,
): Promise<boolean> {
  const res = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
