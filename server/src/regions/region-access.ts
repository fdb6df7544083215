import { isAdmin, type Principal } from '../auth/principal';
import type { Db } from '../db/database';
import { ApiError } from '../http/api-error';
import { findRegion } from './regions.repository';

/**
 * The region `code` as seen by `p`: any region for an admin, its own for a CRESS. A region
 * that does not exist and one outside the caller's scope (every region, for a coordinator or a
 * board member) both answer 404, as poles do, so that nothing leaks.
 * @throws ApiError 404.
 */
export async function regionForCaller(
  db: Db,
  p: Principal,
  code: string,
): Promise<{ code: string; name: string }> {
  const mine = isAdmin(p) || p.grants.some((g) => g.role === 'cress' && g.regionCode === code);
  const region = mine ? await findRegion(db, code) : undefined;
  if (!region) throw new ApiError('NOT_FOUND');
  return region;
}
