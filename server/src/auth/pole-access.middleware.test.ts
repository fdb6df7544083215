import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ApiError } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { call, login } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';
import { poleAccess } from './pole-access.middleware';
import type { Principal } from './principal';

let t: TestInstance;
beforeAll(async () => {
  t = await createTestInstance();
});
afterAll(async () => {
  await t.close();
});

const cress = (regionCode: string): Principal => ({
  userId: 1,
  email: 'c@x.test',
  name: 'c',
  grants: [{ role: 'cress', poleId: null, poleSlug: null, regionCode }],
  via: 'cookie',
  credential: 'x',
  expiresAt: null,
  canWrite: true,
});

/** A bare app: the given caller, the middleware, a handler echoing what it was given. */
function probe(principal: Principal | null) {
  let runs = 0;
  const app = new Hono<AppEnv>()
    .use(async (c, next) => {
      c.set('lang', 'en');
      c.set('principal', principal);
      await next();
    })
    .get('/:pole/probe', poleAccess(t.deps), (c) => {
      runs++;
      const { pole, roles } = c.get('access');
      return c.json({ pole: pole.slug, roles: [...roles] }, 200);
    });
  app.onError((err, c) =>
    c.json({ code: (err as ApiError).code }, (err as ApiError).status as 400),
  );
  return { app, runs: () => runs };
}

describe('poleAccess', () => {
  it('gives the handler the pole and the caller’s roles on it', async () => {
    const { app } = probe(cress('HDF'));
    const res = await app.request('/henin-carvin/probe');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ pole: 'henin-carvin', roles: ['cress'] });
  });

  it.each([
    ['no caller', null, 'henin-carvin', 401, 'UNAUTHENTICATED'],
    ['a pole outside the scope', cress('OCC'), 'henin-carvin', 404, 'NOT_FOUND'],
    ['a pole that does not exist', cress('OCC'), 'no-such-pole', 404, 'NOT_FOUND'],
  ] as const)(
    'stops the request before the handler for %s',
    async (_what, who, slug, status, code) => {
      const { app, runs } = probe(who);
      const res = await app.request(`/${slug}/probe`);
      expect([res.status, await res.json()]).toEqual([status, { code }]);
      expect(runs()).toBe(0);
    },
  );

  it('runs on the pole routes only: a path no handler serves stays a 404 for anyone', async () => {
    const cookie = await login(t, 'coord@hc.test');
    for (const opts of [{}, { cookie }]) {
      const res = await call(t, 'GET', '/api/poles/henin-carvin/nowhere', opts);
      expect([res.status, res.json?.error?.code]).toEqual([404, 'NOT_FOUND']);
    }
    const anonymous = await call(t, 'GET', '/api/poles/henin-carvin/values');
    expect(anonymous.status).toBe(401);
  });
});
