import type { Target } from '@ptce/shared/targets.schema';
import type { Db } from '../db/database';

/** A pole's targets for a year. */
export async function findTargets(db: Db, poleId: number, year: number): Promise<Target[]> {
  const rows = await db
    .selectFrom('targets as t')
    .innerJoin('working_groups as g', 'g.id', 't.group_id')
    .leftJoin('users as u', 'u.id', 't.updated_by')
    .select([
      'g.slug as scope',
      't.indicator_code as indicator',
      't.year',
      't.value',
      't.updated_at as updatedAt',
      'u.name as updatedBy',
    ])
    .where('g.pole_id', '=', poleId)
    .where('t.year', '=', year)
    .orderBy('g.is_pole')
    .orderBy('g.position')
    .orderBy('t.indicator_code')
    .execute();
  return rows.map((r) => ({ ...r, updatedBy: r.updatedBy ?? null }));
}

/** Sets (value) or removes (null) one target; a real change appends to `target_history`. */
export async function putTarget(
  db: Db,
  t: {
    groupId: number;
    indicator: string;
    year: number;
    value: number | null;
    by: number;
    at: string;
  },
): Promise<void> {
  const where = { group_id: t.groupId, indicator_code: t.indicator, year: t.year };
  const old = await db
    .selectFrom('targets')
    .select('value')
    .where('group_id', '=', t.groupId)
    .where('indicator_code', '=', t.indicator)
    .where('year', '=', t.year)
    .executeTakeFirst();
  if ((old?.value ?? null) === t.value) return;
  if (t.value === null) {
    await db
      .deleteFrom('targets')
      .where('group_id', '=', t.groupId)
      .where('indicator_code', '=', t.indicator)
      .where('year', '=', t.year)
      .execute();
  } else if (old) {
    await db
      .updateTable('targets')
      .set({ value: t.value, updated_at: t.at, updated_by: t.by })
      .where('group_id', '=', t.groupId)
      .where('indicator_code', '=', t.indicator)
      .where('year', '=', t.year)
      .execute();
  } else {
    await db
      .insertInto('targets')
      .values({ ...where, value: t.value, updated_at: t.at, updated_by: t.by })
      .execute();
  }
  await db
    .insertInto('target_history')
    .values({
      ...where,
      old_value: old?.value ?? null,
      new_value: t.value,
      changed_at: t.at,
      changed_by: t.by,
    })
    .execute();
}
