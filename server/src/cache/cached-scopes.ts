import type { AppDeps } from '../http/app-env';
import { findScopes, type ScopeRow } from '../poles/poles.repository';

/** A pole's scopes with their tracked indicators, from the cache when no admin change happened. */
export async function cachedScopes(
  deps: Pick<AppDeps, 'db' | 'cache'>,
  poleId: number,
): Promise<ScopeRow[]> {
  const hit = deps.cache.scopesOf(poleId);
  if (hit) return hit;
  const rows = await findScopes(deps.db, poleId);
  deps.cache.setScopes(poleId, rows);
  return rows;
}
