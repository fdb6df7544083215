import { TOTAL_SLICE } from '@ptce/shared/catalogue.schema';
import type { Db } from '../db/database';

/** A pole of a region, as its dashboard lists it. */
export interface RegionPole {
  id: number;
  slug: string;
  name: string;
  territory: string;
}

/** The region of a code, or undefined. */
async function findRegion(
  db: Db,
  code: string,
): Promise<{ code: string; name: string } | undefined> {
  return db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('code', '=', code)
    .executeTakeFirst();
}

/** The poles of a region, by slug: the export's order, which its sums follow. */
async function listRegionPoles(db: Db, code: string): Promise<RegionPole[]> {
  return db
    .selectFrom('poles')
    .select(['id', 'slug', 'name', 'territory'])
    .where('region_code', '=', code)
    .orderBy('slug')
    .execute();
}

/** A region with its poles by slug. */
export interface RegionWithPoles {
  code: string;
  name: string;
  poles: RegionPole[];
}

/** The region of a code with its poles, or undefined when there is no such region. */
export async function findRegionWithPoles(
  db: Db,
  code: string,
): Promise<RegionWithPoles | undefined> {
  const region = await findRegion(db, code);
  return region && { ...region, poles: await listRegionPoles(db, code) };
}

/** An entered number of a region's pole, as the engine reads it. */
export interface RegionCell {
  pole_id: number;
  group_id: number;
  indicator_code: string;
  slice: string;
  period: string;
  value: number | null;
}

/**
 * The entered totals of `poleIds` in [`from`, `to`] (the covering index values_totals), and
 * the cells of the `terms` (indicator, slice) their ratios read, among the groups `groupIds`
 * (the cell index): everything a region's total rows need, never the other breakdown rows.
 */
export async function findTotalCells(
  db: Db,
  poleIds: number[],
  groupIds: number[],
  terms: ReadonlyArray<{ indicator: string; slice: string }>,
  from: string,
  to: string,
): Promise<RegionCell[]> {
  if (poleIds.length === 0) return [];
  const select = ['pole_id', 'group_id', 'indicator_code', 'slice', 'period', 'value'] as const;
  let q = db
    .selectFrom('values')
    .select(select)
    .where('pole_id', 'in', poleIds)
    .where('slice', '=', TOTAL_SLICE)
    .where('period', '>=', from)
    .where('period', '<=', to)
    .where('value', 'is not', null);
  for (const t of terms.filter((t) => t.slice !== TOTAL_SLICE)) {
    if (groupIds.length === 0) break;
    q = q.unionAll(
      db
        .selectFrom('values')
        .select(select)
        .where('group_id', 'in', groupIds)
        .where('indicator_code', '=', t.indicator)
        .where('slice', '=', t.slice)
        .where('period', '>=', from)
        .where('period', '<=', to)
        .where('value', 'is not', null),
    );
  }
  return q.execute();
}
