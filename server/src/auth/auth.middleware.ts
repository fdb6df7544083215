import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { originAllowed } from '../http/origins';
import { findGrants, findLiveApiToken, findLiveSession } from './auth.repository';
import type { Principal } from './principal';
import { hashToken } from './tokens';

export const SESSION_COOKIE = 'ptce_session';
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export { requestOrigin } from '../http/origins';

/**
 * Refuses a cookie-carrying unsafe request sent from another site (CSRF): the Origin header
 * (or Referer) must be an allowed origin (http/origins.ts `originAllowed`: PTCE_PUBLIC_URL's and
 * PTCE_ORIGINS, never one taken from the request's Host alone); Sec-Fetch-Site cross-site is
 * refused.
 */
export function assertSameOrigin(c: Context, deps: AppDeps): void {
  if (!UNSAFE.has(c.req.method)) return;
  if (c.req.header('sec-fetch-site') === 'cross-site') throw new ApiError('CSRF_REJECTED');
  const origin = c.req.header('origin') ?? refererOrigin(c.req.header('referer'));
  if (origin === undefined) return; // not a browser: no ambient cookie attack
  if (!originAllowed(c, deps, origin)) throw new ApiError('CSRF_REJECTED');
}

function refererOrigin(referer: string | undefined): string | undefined {
  if (!referer) return undefined;
  try {
    return new URL(referer).origin;
  } catch {
    return 'invalid';
  }
}

/**
 * Resolves the caller from `Authorization: Bearer` (API token) or the session cookie.
 * A bad bearer token is a 401 (never a silent fallback to the cookie).
 */
export function authenticate(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const now = deps.now();
    let principal: Principal | null = null;
    const auth = c.req.header('authorization');
    // Only the Bearer scheme is ours; another scheme (a proxy's Basic auth) leaves the cookie in charge.
    if (auth !== undefined && /^Bearer\b/i.test(auth.trim())) {
      const m = /^Bearer\s+(\S{10,200})$/i.exec(auth.trim());
      principal = m ? await tokenPrincipal(deps, hashToken(m[1]!), now) : null;
      if (!principal) throw new ApiError('UNAUTHENTICATED');
      // A token is read-only unless created with the write scope: a leaked export token cannot change data.
      if (!principal.canWrite && UNSAFE.has(c.req.method)) throw new ApiError('FORBIDDEN');
    } else {
      const token = getCookie(c, SESSION_COOKIE);
      principal =
        token && token.length < 200 ? await sessionPrincipal(deps, hashToken(token), now) : null;
      if (principal) assertSameOrigin(c, deps);
    }
    c.set('principal', principal);
    await next();
  };
}

type Credential = Omit<Principal, 'grants' | 'via'> & { via: Principal['via'] };

/**
 * The caller behind a credential, from the cache (until an accounts change, a logout or a
 * minute) or from `load` (null when the credential is not live), then cached.
 */
async function cachedPrincipal(
  deps: AppDeps,
  key: string,
  now: Date,
  load: () => Promise<Credential | undefined>,
): Promise<Principal | null> {
  const hit = deps.cache.principal(key, now.getTime());
  if (hit && (hit.expiresAt === null || hit.expiresAt > now.toISOString())) return hit;
  const found = await load();
  if (!found) return null;
  const p: Principal = { ...found, grants: await findGrants(deps.db, found.userId) };
  deps.cache.setPrincipal(key, p);
  return p;
}

/** The caller of a session cookie. */
const sessionPrincipal = (deps: AppDeps, hash: string, now: Date) =>
  cachedPrincipal(deps, `s:${hash}`, now, async () => {
    const row = await findLiveSession(deps.db, hash, now);
    return (
      row && {
        userId: row.id,
        email: row.email,
        name: row.name,
        via: 'cookie',
        credential: row.token_hash,
        expiresAt: row.expires_at,
        canWrite: true,
      }
    );
  });

/** The caller of an API token (a revocation changes the accounts epoch, dropping the cache). */
const tokenPrincipal = (deps: AppDeps, hash: string, now: Date) =>
  cachedPrincipal(deps, `t:${hash}`, now, async () => {
    const row = await findLiveApiToken(deps.db, hash, now);
    return (
      row && {
        userId: row.id,
        email: row.email,
        name: row.name,
        via: 'token',
        credential: String(row.tokenId),
        expiresAt: row.expires_at,
        canWrite: row.can_write === 1,
      }
    );
  });

/** The caller, or a 401 UNAUTHENTICATED. */
export function requirePrincipal<E extends AppEnv>(c: Context<E>): Principal {
  const p = c.get('principal');
  if (!p) throw new ApiError('UNAUTHENTICATED');
  return p;
}
