import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';
import { type PoleAccess, poleForCaller } from './access';
import { requirePrincipal } from './auth.middleware';

/** The environment of a `/:pole/…` handler: the caller's access to the pole is resolved. */
export type PoleEnv = AppEnv & { Variables: { access: PoleAccess } };

/**
 * Resolves the caller's access to the `:pole` of the path once, before the handler, and puts
 * it in the context (`c.get('access')`). Put on each `/:pole/…` route rather than under a
 * wildcard, so a path no handler serves still answers 404 to anyone, not 401.
 * @throws ApiError 401 without a caller; 404 for a pole that does not exist or that is outside
 *   the caller's scope (the same answer, so that pole names do not leak).
 */
export function poleAccess(deps: Pick<AppDeps, 'db' | 'cache'>): MiddlewareHandler<PoleEnv> {
  return async (c, next) => {
    const p = requirePrincipal(c);
    c.set('access', await poleForCaller(deps.db, p, c.req.param('pole') ?? '', deps.cache));
    await next();
  };
}
