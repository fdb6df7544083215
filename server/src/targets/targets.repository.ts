import type { Target } from '@ptce/shared/targets.schema';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database';

type Db = Kysely<Database> | Transaction<Database>;

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

/** Sets (value) or removes (null) one target. */
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
  if (t.value === null) {
    await db
      .deleteFrom('targets')
      .where('group_id', '=', t.groupId)
      .where('indicator_code', '=', t.indicator)
      .where('year', '=', t.year)
      .execute();
    return;
  }
  const value = t.value;
  const row = {
    group_id: t.groupId,
    indicator_code: t.indicator,
    year: t.year,
    value,
    updated_at: t.at,
    updated_by: t.by,
  };
  await db
    .insertInto('targets')
    .values(row)
    .onConflict((oc) =>
      oc
        .columns(['group_id', 'indicator_code', 'year'])
        .doUpdateSet({ value, updated_at: t.at, updated_by: t.by }),
    )
    .execute();
}
