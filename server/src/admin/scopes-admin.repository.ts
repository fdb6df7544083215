import type { Db, WorkingGroupRow } from '../db/database';

export async function findScope(
  db: Db,
  poleId: number,
  slug: string,
): Promise<WorkingGroupRow | undefined> {
  return db
    .selectFrom('working_groups')
    .selectAll()
    .where('pole_id', '=', poleId)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

/** Adds a working group after the pole's others; returns its id. */
export async function insertGroup(
  db: Db,
  poleId: number,
  g: { slug: string; name: string },
): Promise<number> {
  const last = await db
    .selectFrom('working_groups')
    .select((eb) => eb.fn.max('position').as('position'))
    .where('pole_id', '=', poleId)
    .where('is_pole', '=', 0)
    .executeTakeFirst();
  const { id } = await db
    .insertInto('working_groups')
    .values({
      pole_id: poleId,
      slug: g.slug,
      name: g.name,
      is_pole: 0,
      position: last?.position === null || last?.position === undefined ? 0 : last.position + 1,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return id;
}

export async function renameScope(db: Db, groupId: number, name: string): Promise<void> {
  await db.updateTable('working_groups').set({ name }).where('id', '=', groupId).execute();
}

export async function findTrackedCodes(db: Db, groupId: number): Promise<string[]> {
  const rows = await db
    .selectFrom('tracked_indicators')
    .select('indicator_code')
    .where('group_id', '=', groupId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.indicator_code);
}

/**
 * Replaces the indicators a scope tracks, in the given order. Values, history and targets of
 * an indicator taken off stay in the database (they are only no longer entered).
 */
export async function setTrackedIndicators(
  db: Db,
  groupId: number,
  codes: readonly string[],
): Promise<void> {
  await db.deleteFrom('tracked_indicators').where('group_id', '=', groupId).execute();
  if (codes.length === 0) return;
  await db
    .insertInto('tracked_indicators')
    .values(codes.map((code, position) => ({ group_id: groupId, indicator_code: code, position })))
    .execute();
}
