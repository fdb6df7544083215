import type { Db } from '../db/database';
import { chunksOf } from '../db/engine';

/** A pole as an export orders and labels it. */
export interface ExportPole {
  id: number;
  slug: string;
  name: string;
  regionCode: string;
  regionName: string;
}

/** An entered number as the export's engine reads it. */
export interface ExportCell {
  group_id: number;
  indicator_code: string;
  slice: string;
  period: string;
  value: number | null;
}

/** The poles of `ids` (or all), ordered by region then slug: the export's order. */
export async function listExportPoles(db: Db, ids: number[] | 'all'): Promise<ExportPole[]> {
  if (ids !== 'all' && ids.length === 0) return [];
  let q = db
    .selectFrom('poles as p')
    .leftJoin('regions as r', 'r.code', 'p.region_code')
    .select(['p.id', 'p.slug', 'p.name', 'p.region_code as regionCode', 'r.name as regionName'])
    .orderBy('p.region_code')
    .orderBy('p.slug');
  if (ids !== 'all') q = q.where('p.id', 'in', ids);
  const rows = await q.execute();
  return rows.map((r) => ({ ...r, regionName: r.regionName ?? r.regionCode }));
}

/**
 * The entered (non-cleared) cells of a pole's scopes `groupIds` in [`from`, `to`], in chunks
 * (`chunksOf`: through a cursor on PostgreSQL).
 */
export async function* enteredCells(
  db: Db,
  poleId: number,
  groupIds: number[],
  from: string,
  to: string,
): AsyncGenerator<ExportCell[]> {
  if (groupIds.length === 0) return;
  const query = db
    .selectFrom('values')
    .select(['group_id', 'indicator_code', 'slice', 'period', 'value'])
    .where('pole_id', '=', poleId)
    .where('group_id', 'in', groupIds)
    .where('period', '>=', from)
    .where('period', '<=', to)
    .where('value', 'is not', null);
  yield* chunksOf(db, query);
}
