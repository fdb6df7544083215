import type { OwnedToken } from '@ptce/shared/users.schema';
import type { Db } from '../db/database';

/**
 * API tokens of every user (or of `userId`), newest first, with their owner. Never the hash.
 * Revoked and expired tokens are listed too, with their dates.
 */
export async function listTokens(
  db: Db,
  filter: { userId?: number | undefined } = {},
): Promise<OwnedToken[]> {
  let q = db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select([
      't.id',
      't.name',
      't.prefix',
      't.created_at',
      't.last_used_at',
      't.expires_at',
      't.revoked_at',
      'u.id as user_id',
      'u.email',
      'u.name as user_name',
    ])
    .orderBy('t.id', 'desc')
    .limit(5000);
  if (filter.userId !== undefined) q = q.where('t.user_id', '=', filter.userId);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    user: { id: r.user_id, email: r.email, name: r.user_name },
  }));
}

/** Revokes a live token of anyone; false when there is no such token or it is already revoked. */
export async function revokeToken(db: Db, id: number, at: string): Promise<boolean> {
  const res = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}
