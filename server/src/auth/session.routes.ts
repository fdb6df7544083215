import { LoginRequestSchema, type SessionResponse } from '@ptce/shared/session.schema';
import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { clientAddress } from '../http/login-gate';
import { readJson } from '../http/validate';
import {
  assertSameOrigin,
  requestOrigin,
  requirePrincipal,
  SESSION_COOKIE,
} from './auth.middleware';
import { createSession, findGrants, findUserByEmail, revokeSession } from './auth.repository';
import { LOGIN_POLICY } from './login-throttle';
import { DUMMY_HASH, verifyPassword } from './passwords';
import { toMembership } from './principal';

/** Proves a login to an account succeeded on this browser before (see LoginThrottle). */
const DEVICE_COOKIE = 'ptce_device';

/**
 * Login, logout, who am I. Failed logins are throttled per (account, address), per address, and
 * spaced per account under distributed guessing (auth/login-throttle.ts); every password check
 * waits its turn in the hashing queue (auth/hash-queue.ts), unknown e-mails included.
 */
export function sessionRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      assertSameOrigin(c, deps);
      const address = loginAddress(c, deps);
      const body = await readJson(c, LoginRequestSchema);
      const email = body.email.trim().toLowerCase();
      const attempt = await deps.limits.logins.begin(email, address, getCookie(c, DEVICE_COOKIE));
      if (typeof attempt === 'number')
        throw new ApiError('RATE_LIMITED', undefined, undefined, {
          'Retry-After': String(attempt),
        });
      let checked: { user: Awaited<ReturnType<typeof findUserByEmail>>; ok: boolean };
      try {
        // An unknown e-mail is checked against a dummy hash, in the same queue: same time.
        checked = await deps.limits.hashing.run(address, async (derive) => {
          const user = await findUserByEmail(deps.db, email);
          const ok = await verifyPassword(body.password, user?.password_hash ?? DUMMY_HASH, derive);
          return { user, ok };
        });
      } catch (err) {
        // Refused by the hashing queue (503): no password was checked, no attempt is counted.
        await attempt.cancel();
        throw err;
      }
      const { user, ok } = checked;
      if (!user || !ok || user.disabled_at) throw new ApiError('INVALID_CREDENTIALS');
      await attempt.succeeded();
      const secure = requestOrigin(c, deps).startsWith('https:');
      const session = await createSession(deps.db, user.id, deps.sessionHours, deps.now());
      setCookie(c, SESSION_COOKIE, session.token, {
        httpOnly: true,
        sameSite: 'Lax',
        secure,
        path: '/',
        expires: new Date(session.expiresAt),
      });
      setCookie(c, DEVICE_COOKIE, await deps.limits.logins.deviceCookie(email), {
        httpOnly: true,
        sameSite: 'Strict',
        secure,
        path: '/api/session',
        maxAge: LOGIN_POLICY.trustMs / 1000,
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

/** The throttles' key of a request's client (the gate in front of the app admitted it: http/login-gate.ts). */
function loginAddress(c: Context<AppEnv>, deps: AppDeps): string {
  const incoming = (c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined)
    ?.incoming;
  return clientAddress(
    c.req.header('x-forwarded-for'),
    incoming?.socket?.remoteAddress,
    deps.trustProxy,
  );
}
