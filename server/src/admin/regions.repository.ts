import type { RegionWithCount } from '@ptce/shared/admin.schema';
import { sql } from 'kysely';
import type { Db } from '../db/database';

/** Every region by code, with its number of poles. */
export async function listRegions(db: Db): Promise<RegionWithCount[]> {
  const rows = await db
    .selectFrom('regions as r')
    .leftJoin('poles as p', 'p.region_code', 'r.code')
    .select(['r.code', 'r.name', sql<number>`count(p.id)`.as('poles')])
    .groupBy(['r.code', 'r.name'])
    .orderBy('r.code')
    .execute();
  return rows.map((r) => ({ code: r.code, name: r.name, poles: Number(r.poles) }));
}

/** Creates a region (its code not taken: see `regionExists`). */
export async function insertRegion(db: Db, r: { code: string; name: string }): Promise<void> {
  await db.insertInto('regions').values(r).execute();
}

/** Every region code. */
export async function listRegionCodes(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('regions').select('code').execute();
  return new Set(rows.map((r) => r.code));
}

/** Whether a region with this code exists. */
export async function regionExists(db: Db, code: string): Promise<boolean> {
  const row = await db
    .selectFrom('regions')
    .select('code')
    .where('code', '=', code)
    .executeTakeFirst();
  return row !== undefined;
}
