import { LoginRequestSchema, type SessionResponse } from '@ptce/shared/session.schema';
import { Hono } from 'hono';
import { deleteCookie, setCookie } from 'hono/cookie';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/validate';
import {
  assertSameOrigin,
  requestOrigin,
  requirePrincipal,
  SESSION_COOKIE,
} from './auth.middleware';
import { createSession, findGrants, findUserByEmail, revokeSession } from './auth.repository';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { toMembership } from './principal';

/** Login, logout, who am I. Failed logins are limited per account and per client IP. */
export function sessionRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      assertSameOrigin(c, deps);
      const ip = clientIp(c.req.header('x-forwarded-for'), c.env, deps.trustProxy);
      const body = await readJson(c, LoginRequestSchema);
      const email = body.email.trim().toLowerCase();
      const wait = Math.max(
        deps.limits.perIp.blockedFor(ip),
        deps.limits.perAccount.blockedFor(email),
      );
      if (wait > 0)
        throw new ApiError('RATE_LIMITED', undefined, undefined, { 'Retry-After': String(wait) });
      // Count the attempt before the slow password check, so parallel guesses are counted too.
      deps.limits.perIp.hit(ip);
      deps.limits.perAccount.hit(email);
      const user = await findUserByEmail(deps.db, email);
      const ok = await verifyPassword(body.password, user?.password_hash ?? DUMMY_HASH);
      if (!user || !ok || user.disabled_at) throw new ApiError('INVALID_CREDENTIALS');
      deps.limits.perIp.release(ip);
      deps.limits.perAccount.reset(email);
      const session = await createSession(deps.db, user.id, deps.sessionHours, deps.now());
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure: requestOrigin(c, deps).startsWith('https:'),
        path: '/',
        expires: new Date(session.expiresAt),
      });
      const grants = await findGrants(deps.db, user.id);
      return c.json(
        {
          user: {
            id: user.id,
            email: user.email,
            name: user.name,
            memberships: grants.map(toMembership),
          },
          expiresAt: session.expiresAt,
        } satisfies SessionResponse,
        200,
      );
    })
    .get('/', (c) => {
      const p = requirePrincipal(c);
      return c.json(
        {
          user: {
            id: p.userId,
            email: p.email,
            name: p.name,
            memberships: p.grants.map(toMembership),
          },
          expiresAt: p.expiresAt,
        } satisfies SessionResponse,
        200,
      );
    })
    .delete('/', async (c) => {
      const p = c.get('principal');
      if (p?.via === 'cookie') {
        await revokeSession(deps.db, p.credential, deps.now());
        deps.cache.forgetPrincipal(`s:${p.credential}`);
      }
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    });
}

/** The client's address: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
function clientIp(forwarded: string | undefined, env: unknown, trustProxy: boolean): string {
  if (trustProxy && forwarded) return forwarded.split(',')[0]!.trim();
  const incoming = (env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return incoming?.socket?.remoteAddress ?? 'local';
}
