import type { MembershipInput, UserAccount } from '@ptce/shared/users.schema';
import type { Db } from '../db/database';

/** Every account with its memberships (pole slugs resolved), by e-mail. Never the hash. */
export async function listUsers(db: Db): Promise<UserAccount[]> {
  const users = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'created_at', 'disabled_at'])
    .orderBy('email')
    .execute();
  const memberships = await db
    .selectFrom('memberships as m')
    .leftJoin('poles as p', 'p.id', 'm.pole_id')
    .select(['m.user_id', 'm.role', 'p.slug', 'm.region_code'])
    .orderBy('m.id')
    .execute();
  return users.map((u) => ({
    id: u.id,
    email: u.email,
    name: u.name,
    createdAt: u.created_at,
    disabledAt: u.disabled_at,
    memberships: memberships
      .filter((m) => m.user_id === u.id)
      .map((m) => ({ role: m.role, pole: m.slug ?? null, region: m.region_code })),
  }));
}

/** Creates a user and memberships in the caller's transaction; pole ids already resolved. */
export async function insertUser(
  db: Db,
  u: {
    email: string;
    name: string;
    passwordHash: string;
    at: string;
    memberships: Array<MembershipInput & { poleId: number | null }>;
  },
): Promise<number> {
  const { id } = await db
    .insertInto('users')
    .values({
      email: u.email,
      name: u.name,
      password_hash: u.passwordHash,
      created_at: u.at,
      disabled_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  for (const m of u.memberships) {
    await db
      .insertInto('memberships')
      .values({ user_id: id, role: m.role, pole_id: m.poleId, region_code: m.region ?? null })
      .execute();
  }
  return id;
}

/** The names of the users with these ids (ids of no user are left out). */
export async function findUserNames(db: Db, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((u) => [u.id, u.name]));
}
