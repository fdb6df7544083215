import { isAdmin, type Principal } from '../auth/principal';
import type { AppCache } from '../cache/app-cache';
import type { Db } from '../db/database';
import { ApiError } from '../http/api-error';
import { findRegionWithPoles, type RegionWithPoles } from './regions.repository';

/**
 * The region `code` with its poles, as seen by `p`: any region for an admin, its own for a
 * CRESS. A region that does not exist and one outside the caller's scope (every region, for a
 * coordinator or a board member) both answer 404, as poles do, so that nothing leaks. Read
 * from `cache` while no administration changed anything.
 * @throws ApiError 404.
 */
export async function regionForCaller(
  deps: { db: Db; cache: AppCache },
  p: Principal,
  code: string,
): Promise<RegionWithPoles> {
  if (!isAdmin(p) && !p.grants.some((g) => g.role === 'cress' && g.regionCode === code)) {
    throw new ApiError('NOT_FOUND');
  }
  let region = deps.cache.region(code);
  if (!region) {
    region = await findRegionWithPoles(deps.db, code);
    if (region) deps.cache.setRegion(code, region);
  }
  if (!region) throw new ApiError('NOT_FOUND');
  return region;
}
