import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LOGIN_POLICY, LoginThrottle } from '../auth/login-throttle';
import { SharedLoginThrottle } from '../auth/shared-login-throttle';
import { call, login } from '../test-support/client';
import { createSecondServer } from '../test-support/second-server';
import { testEngine } from '../test-support/test-database';
import { createTestInstance, PASSWORD, type TestInstance } from '../test-support/test-instance';
import { sharedVersions } from './shared-versions';

// Several app servers on one database (docs/decisions.md, "Several servers on one database"):
// on PostgreSQL, two apps with their own pools, caches and throttles over one database; on
// SQLite (one server per file), the shared machinery is off and costs nothing.

let a: TestInstance;
let b: TestInstance;
let closeB: () => Promise<void>;

beforeEach(async () => {
  a = await createTestInstance();
  const second = createSecondServer(a);
  b = { ...a, app: second.app, deps: second.deps, db: second.db };
  closeB = second.close;
});
afterEach(async () => {
  await closeB();
  await a.close();
});

const VALUES = '/api/poles/henin-carvin/values?from=2026Q3&to=2026Q3&scope=mobilite-sociale';
const entry = (value: number, version?: number) => ({
  period: '2026Q3',
  entries: [
    {
      scope: 'mobilite-sociale',
      indicator: 'MS-SORTIES',
      value,
      ...(version === undefined ? {} : { version }),
    },
  ],
});
const userId = async (email: string) =>
  (await a.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow())
    .id;
const cellOf = (json: { values: Array<{ indicator: string; slice: string; value: number }> }) =>
  json.values.find((v) => v.indicator === 'MS-SORTIES' && v.slice === '')?.value;

if (testEngine() === 'postgres') {
  describe('two app servers on one PostgreSQL database', () => {
    it('a write through one server is in the other’s very next answer, both ways', async () => {
      const coord = await login(a, 'coord@hc.test');
      const cress = await login(b, 'cress@hdf.test');
      // B caches its answers (values, periods, the region's dashboard) before A writes.
      const before = await call(b, 'GET', VALUES, { cookie: coord });
      expect(cellOf(before.json)).toBeUndefined();
      expect((await call(b, 'GET', VALUES, { cookie: coord })).status).toBe(200);
      const dashboard = await call(b, 'GET', '/api/regions/HDF/values', { cookie: cress });
      expect(dashboard.status).toBe(200);

      expect(
        (await call(a, 'PUT', '/api/poles/henin-carvin/values', { body: entry(10), cookie: coord }))
          .status,
      ).toBe(200);
      expect(cellOf((await call(b, 'GET', VALUES, { cookie: coord })).json)).toBe(10);
      const fresh = await call(a, 'GET', '/api/regions/HDF/values', { cookie: cress });
      const seenByB = await call(b, 'GET', '/api/regions/HDF/values', { cookie: cress });
      expect(seenByB.json).toEqual(fresh.json);
      expect(seenByB.json).not.toEqual(dashboard.json);

      // B → A: A has the answer cached, B writes, A's next answer has it.
      expect(cellOf((await call(a, 'GET', VALUES, { cookie: coord })).json)).toBe(10);
      expect(
        (
          await call(b, 'PUT', '/api/poles/henin-carvin/values', {
            body: entry(11, 1),
            cookie: coord,
          })
        ).status,
      ).toBe(200);
      expect(cellOf((await call(a, 'GET', VALUES, { cookie: coord })).json)).toBe(11);

      const PERIODS = '/api/poles/henin-carvin/periods?from=2026Q3&to=2026Q3';
      const status = async (t: TestInstance) =>
        (await call(t, 'GET', PERIODS, { cookie: coord })).json.periods[0].status;
      expect(await status(a)).toBe('draft');
      expect(await status(b)).toBe('draft');
      expect(
        (await call(b, 'POST', '/api/poles/henin-carvin/periods/2026Q3/submit', { cookie: coord }))
          .status,
      ).toBe(200);
      expect(await status(a)).toBe('submitted');
      expect(
        (
          await call(a, 'POST', '/api/poles/henin-carvin/periods/2026Q3/validate', {
            cookie: cress,
          })
        ).status,
      ).toBe(200);
      expect(await status(b)).toBe('validated');
    });

    it('a logout on one server ends the session on the other', async () => {
      const cookie = await login(a, 'coord@hc.test');
      expect((await call(b, 'GET', '/api/session', { cookie })).status).toBe(200);
      expect((await call(b, 'GET', '/api/session', { cookie })).status).toBe(200);
      expect((await call(a, 'DELETE', '/api/session', { cookie })).status).toBe(204);
      expect((await call(b, 'GET', '/api/session', { cookie })).status).toBe(401);
      expect((await call(b, 'GET', VALUES, { cookie })).status).toBe(401);
    });

    it('an account disabled on one server cannot use the other, nor its token', async () => {
      const admin = await login(a, 'admin@test.test');
      const coord = await login(b, 'coord@hc.test');
      const token = await call(b, 'POST', '/api/tokens', {
        body: { name: 'script' },
        cookie: coord,
      });
      expect(token.status).toBe(201);
      expect((await call(b, 'GET', VALUES, { cookie: coord })).status).toBe(200);
      expect((await call(b, 'GET', VALUES, { bearer: token.json.secret })).status).toBe(200);
      const id = await userId('coord@hc.test');
      expect(
        (await call(a, 'POST', `/api/admin/users/${id}/disable`, { cookie: admin })).status,
      ).toBe(200);
      expect((await call(b, 'GET', VALUES, { cookie: coord })).status).toBe(401);
      expect((await call(b, 'GET', VALUES, { bearer: token.json.secret })).status).toBe(401);
    });

    it('counts failed logins over both servers once, and both know a device cookie', async () => {
      const fail = (t: TestInstance) =>
        call(t, 'POST', '/api/session', { body: { email: 'board@hc.test', password: 'wrong' } });
      for (let i = 0; i < LOGIN_POLICY.perPair; i++)
        expect((await fail(i % 2 === 0 ? a : b)).status).toBe(401);
      for (const t of [a, b]) {
        const blocked = await call(t, 'POST', '/api/session', {
          body: { email: 'board@hc.test', password: PASSWORD },
        });
        expect(blocked.status).toBe(429);
        expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(800);
      }
      // The same key on both: a browser trusted by one is trusted by the other.
      const ok = await call(a, 'POST', '/api/session', {
        body: { email: 'coord@hc.test', password: PASSWORD },
      });
      expect(ok.status).toBe(200);
      const device = /ptce_device=([^;]+)/.exec(ok.headers.get('set-cookie') ?? '')?.[1];
      expect(device).toBeDefined();
      expect(await b.deps.limits.logins.deviceCookie('coord@hc.test')).toBe(device);
      expect(b.deps.limits.logins).toBeInstanceOf(SharedLoginThrottle);
    });

    it('an admin’s password reset on one server forgives the account on the other', async () => {
      const admin = await login(a, 'admin@test.test');
      for (let i = 0; i < LOGIN_POLICY.perPair; i++)
        await call(b, 'POST', '/api/session', { body: { email: 'board@hc.test', password: 'x' } });
      const id = await userId('board@hc.test');
      const reset = await call(a, 'PUT', `/api/admin/users/${id}/password`, {
        body: { password: 'un-nouveau-mot-de-passe' },
        cookie: admin,
      });
      expect(reset.status).toBe(204);
      const res = await call(b, 'POST', '/api/session', {
        body: { email: 'board@hc.test', password: 'un-nouveau-mot-de-passe' },
      });
      expect(res.status).toBe(200);
    });
  });
} else {
  describe('two app servers on one SQLite file are not a thing: nothing shared, nothing asked', () => {
    it('keeps its data versions in process and its login counts in memory', async () => {
      expect(sharedVersions(a.deps)).toBeNull();
      expect(a.deps.limits.logins).toBeInstanceOf(LoginThrottle);
      const coord = await login(a, 'coord@hc.test');
      expect((await call(a, 'GET', VALUES, { cookie: coord })).status).toBe(200);
      expect(
        (await call(a, 'PUT', '/api/poles/henin-carvin/values', { body: entry(10), cookie: coord }))
          .status,
      ).toBe(200);
      expect(cellOf((await call(a, 'GET', VALUES, { cookie: coord })).json)).toBe(10);
      await call(a, 'POST', '/api/session', { body: { email: 'board@hc.test', password: 'x' } });
      const { rows } = await sql<{ n: number }>`
        SELECT (SELECT count(*) FROM login_throttle) + (SELECT max(version) FROM data_versions) AS n`.execute(
        a.db,
      );
      expect(Number(rows[0]!.n)).toBe(0);
    });
  });
}
