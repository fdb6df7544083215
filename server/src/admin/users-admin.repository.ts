import type { UserAccount } from '@ptce/shared/users.schema';
import type { Db } from '../db/database';
import type { ResolvedMembership } from './resolve-memberships';

/** One account as `GET /api/users` lists it (never the password hash), or undefined. */
export async function findUserView(db: Db, id: number): Promise<UserAccount | undefined> {
  const u = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'created_at', 'disabled_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!u) return undefined;
  const memberships = await db
    .selectFrom('memberships as m')
    .leftJoin('poles as p', 'p.id', 'm.pole_id')
    .select(['m.role', 'p.slug', 'm.region_code'])
    .where('m.user_id', '=', id)
    .orderBy('m.id')
    .execute();
  return {
    id: u.id,
    email: u.email,
    name: u.name,
    createdAt: u.created_at,
    disabledAt: u.disabled_at,
    memberships: memberships.map((m) => ({
      role: m.role,
      pole: m.slug ?? null,
      region: m.region_code,
    })),
  };
}

export async function renameUser(db: Db, id: number, name: string): Promise<void> {
  await db.updateTable('users').set({ name }).where('id', '=', id).execute();
}

/** Replaces every membership of a user. */
export async function replaceMemberships(
  db: Db,
  userId: number,
  memberships: ResolvedMembership[],
): Promise<void> {
  await db.deleteFrom('memberships').where('user_id', '=', userId).execute();
  for (const m of memberships)
    await db
      .insertInto('memberships')
      .values({ user_id: userId, role: m.role, pole_id: m.poleId, region_code: m.region ?? null })
      .execute();
}

/** How many enabled accounts hold the admin role. */
export async function countActiveAdmins(db: Db): Promise<number> {
  const row = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select((eb) => eb.fn.count<number>('u.id').distinct().as('n'))
    .where('m.role', '=', 'admin')
    .where('u.disabled_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** `at` disables the account, null enables it again; an already disabled date is kept. */
export async function setDisabled(db: Db, id: number, at: string | null): Promise<void> {
  let q = db.updateTable('users').set({ disabled_at: at }).where('id', '=', id);
  if (at !== null) q = q.where('disabled_at', 'is', null);
  await q.execute();
}

export async function setPasswordHash(db: Db, id: number, hash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: hash }).where('id', '=', id).execute();
}

/**
 * Revokes the user's live sessions (except the one whose hash is `keep`: the caller's own) and
 * every live API token of the user. Returns how many credentials it revoked.
 */
export async function revokeUserCredentials(
  db: Db,
  userId: number,
  at: string,
  keep?: string,
): Promise<number> {
  let q = db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (keep) q = q.where('token_hash', '!=', keep);
  const sessions = await q.executeTakeFirst();
  const tokens = await db
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(sessions.numUpdatedRows) + Number(tokens.numUpdatedRows);
}
