import type { ExportQuery } from '@ptce/shared/exports.schema';
import { visiblePoleIds } from '../auth/access';
import type { Principal } from '../auth/principal';
import type { Db } from '../db/database';
import { ApiError } from '../http/api-error';
import { type ExportPole, listExportPoles } from './exports.repository';

/**
 * The poles an export covers, ordered by region then slug: the caller's scope (their poles,
 * their region's, or all for an admin), narrowed by `region` and `poles`. A filter naming a
 * region or pole outside the caller's scope answers 404, like any out-of-scope request.
 */
export async function exportPoles(
  db: Db,
  p: Principal,
  q: Pick<ExportQuery, 'region' | 'poles'>,
): Promise<ExportPole[]> {
  let out = await listExportPoles(db, await visiblePoleIds(db, p));
  if (q.region) {
    out = out.filter((pole) => pole.regionCode === q.region);
    if (out.length === 0) throw new ApiError('NOT_FOUND');
  }
  if (q.poles) {
    const bySlug = new Map(out.map((pole) => [pole.slug, pole]));
    if (q.poles.some((slug) => !bySlug.has(slug))) throw new ApiError('NOT_FOUND');
    const wanted = new Set(q.poles);
    out = out.filter((pole) => wanted.has(pole.slug));
  }
  return out;
}
