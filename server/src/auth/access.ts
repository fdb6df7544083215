import type { Role } from '@ptce/shared/session.schema';
import type { AppCache } from '../cache/app-cache';
import type { Db, PoleRow } from '../db/database';
import { ApiError } from '../http/api-error';
import { findPoleBySlug, poleIdsInRegions } from '../poles/poles.repository';
import { type Principal, rolesOnPole } from './principal';

export interface PoleAccess {
  pole: PoleRow;
  roles: Set<Role>;
}

/**
 * The pole `slug` as seen by `p`. A pole that does not exist and a pole outside the caller's
 * scope both answer 404, so that pole names do not leak.
 */
export async function poleForCaller(
  db: Db,
  p: Principal,
  slug: string,
  cache?: AppCache,
): Promise<PoleAccess> {
  let pole = cache?.pole(slug);
  if (!pole) {
    pole = await findPoleBySlug(db, slug);
    if (pole) cache?.setPole(slug, pole);
  }
  if (!pole) throw new ApiError('NOT_FOUND');
  const roles = rolesOnPole(p, pole.id, pole.region_code);
  if (roles.size === 0) throw new ApiError('NOT_FOUND');
  return { pole, roles };
}

/** Throws 403 unless the caller holds one of `allowed` on the pole. */
export function requireRole(access: PoleAccess, ...allowed: Role[]): void {
  if (!allowed.some((r) => access.roles.has(r))) throw new ApiError('FORBIDDEN');
}

/** Pole ids visible to `p`: all for an admin, its region's for a cress, its own for the others. */
export async function visiblePoleIds(db: Db, p: Principal): Promise<number[] | 'all'> {
  if (p.grants.some((g) => g.role === 'admin')) return 'all';
  const ids = new Set<number>();
  const regions = p.grants.filter((g) => g.role === 'cress').map((g) => g.regionCode!);
  for (const id of await poleIdsInRegions(db, regions)) ids.add(id);
  for (const g of p.grants) if (g.poleId !== null) ids.add(g.poleId);
  return [...ids];
}
