import type { Db } from '../db/database';
import type { Grant } from './principal';
import { hashToken, newSecret } from './tokens';

export async function findUserByEmail(db: Db, email: string) {
  return db
    .selectFrom('users')
    .selectAll()
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
}

/** The grants of a user, with pole slugs resolved. */
export async function findGrants(db: Db, userId: number): Promise<Grant[]> {
  const rows = await db
    .selectFrom('memberships as m')
    .leftJoin('poles as p', 'p.id', 'm.pole_id')
    .select(['m.role', 'm.pole_id', 'p.slug', 'm.region_code'])
    .where('m.user_id', '=', userId)
    .orderBy('m.id')
    .execute();
  return rows.map((r) => ({
    role: r.role,
    poleId: r.pole_id,
    poleSlug: r.slug ?? null,
    regionCode: r.region_code,
  }));
}

/** Opens a session; returns the secret for the cookie (only its hash is stored). */
export async function createSession(db: Db, userId: number, ttlHours: number, now: Date) {
  const token = newSecret('session');
  const expiresAt = new Date(now.getTime() + ttlHours * 3_600_000).toISOString();
  await db
    .insertInto('sessions')
    .values({
      token_hash: hashToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt,
      revoked_at: null,
    })
    .execute();
  return { token, expiresAt };
}

/** The live session of a token hash (not revoked, not expired, user not disabled), or undefined. */
export async function findLiveSession(db: Db, tokenHash: string, now: Date) {
  return db
    .selectFrom('sessions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select(['u.id', 'u.email', 'u.name', 's.expires_at', 's.token_hash'])
    .where('s.token_hash', '=', tokenHash)
    .where('s.revoked_at', 'is', null)
    .where('s.expires_at', '>', now.toISOString())
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
}

export async function revokeSession(db: Db, tokenHash: string, now: Date): Promise<void> {
  await db
    .updateTable('sessions')
    .set({ revoked_at: now.toISOString() })
    .where('token_hash', '=', tokenHash)
    .where('revoked_at', 'is', null)
    .execute();
}

/** The live API token of a hash, with its user, or undefined. Records its last use. */
export async function findLiveApiToken(db: Db, tokenHash: string, now: Date) {
  const row = await db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.id', 't.user_id')
    .select([
      'u.id',
      'u.email',
      'u.name',
      't.id as tokenId',
      't.expires_at',
      't.last_used_at',
      't.can_write',
    ])
    .where('t.token_hash', '=', tokenHash)
    .where('t.revoked_at', 'is', null)
    .where((eb) =>
      eb.or([eb('t.expires_at', 'is', null), eb('t.expires_at', '>', now.toISOString())]),
    )
    .where('u.disabled_at', 'is', null)
    .executeTakeFirst();
  // Record use at most once a minute: a scripted export should not write on every call.
  if (row && (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000)) {
    await db
      .updateTable('api_tokens')
      .set({ last_used_at: now.toISOString() })
      .where('id', '=', row.tokenId)
      .execute();
  }
  return row;
}
