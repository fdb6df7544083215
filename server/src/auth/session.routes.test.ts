import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, login, ORIGIN } from '../test-support/client';
import { createTestInstance, PASSWORD, type TestInstance } from '../test-support/test-instance';
import { HashQueue } from './hash-queue';

let t: TestInstance;
beforeEach(async () => {
  t = await createTestInstance();
});
afterEach(async () => {
  await t.close();
});

describe('POST/GET/DELETE /api/session', () => {
  it('logs in with an HttpOnly SameSite=Lax cookie, says who I am, logs out and revokes', async () => {
    const res = await call(t, 'POST', '/api/session', {
      body: { email: 'Coord@HC.test ', password: PASSWORD },
    });
    expect(res.status).toBe(200);
    // The password was checked in the hashing threads, not on libuv's pool of files and zlib.
    expect(t.deps.workers.hashing.workers()).toBe(1);
    expect(res.json.user).toMatchObject({
      email: 'coord@hc.test',
      memberships: [{ role: 'coordinator', pole: 'henin-carvin', region: null }],
    });
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^ptce_session=ptce_s_/);
    expect(setCookie).toContain('HttpOnly');
    expect(setCookie).toContain('SameSite=Lax');
    expect(setCookie).not.toContain('Secure');
    const cookie = setCookie.split(';')[0]!;

    const me = await call(t, 'GET', '/api/session', { cookie });
    expect(me.status).toBe(200);
    expect(me.json.user.email).toBe('coord@hc.test');

    const out = await call(t, 'DELETE', '/api/session', { cookie });
    expect(out.status).toBe(204);
    const after = await call(t, 'GET', '/api/session', { cookie });
    expect(after.status).toBe(401);
    expect(after.json.error.code).toBe('UNAUTHENTICATED');
    const row = await t.db.selectFrom('sessions').select('revoked_at').executeTakeFirstOrThrow();
    expect(row.revoked_at).not.toBeNull();
  });

  it('sets Secure behind https', async () => {
    t.deps.publicUrl = new URL('https://ptce.example'); // read on each request
    const res = await t.app.request('https://ptce.example/api/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'coord@hc.test', password: PASSWORD }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('set-cookie')).toContain('Secure');
  });

  it('answers 401 with the envelope, in French by default and English on request', async () => {
    const fr = await call(t, 'POST', '/api/session', {
      body: { email: 'coord@hc.test', password: 'faux' },
    });
    expect(fr.status).toBe(401);
    expect(fr.json).toEqual({
      error: {
        code: 'INVALID_CREDENTIALS',
        message: 'Adresse électronique ou mot de passe incorrect.',
      },
    });
    const en = await call(t, 'POST', '/api/session', {
      body: { email: 'nobody@x.test', password: 'x' },
      headers: { 'accept-language': 'en-GB,en' },
    });
    expect(en.status).toBe(401);
    expect(en.json.error.message).toBe('Wrong email or password.');
  });

  it('limits failed logins per account with 429 and Retry-After, even with the right password', async () => {
    for (let i = 0; i < 5; i++) {
      expect(
        (
          await call(t, 'POST', '/api/session', {
            body: { email: 'board@hc.test', password: 'wrong' },
          })
        ).status,
      ).toBe(401);
    }
    const blocked = await call(t, 'POST', '/api/session', {
      body: { email: 'board@hc.test', password: PASSWORD },
    });
    expect(blocked.status).toBe(429);
    expect(blocked.json.error.code).toBe('RATE_LIMITED');
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    // another account from the same address is not blocked yet
    expect(
      (
        await call(t, 'POST', '/api/session', {
          body: { email: 'coord@hc.test', password: PASSWORD },
        })
      ).status,
    ).toBe(200);
  });

  it('counts parallel attempts too', async () => {
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        call(t, 'POST', '/api/session', {
          body: { email: 'board@hc.test', password: i === 11 ? PASSWORD : 'wrong' },
        }),
      ),
    );
    const statuses = burst.map((r) => r.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThanOrEqual(6);
    expect(statuses[11]).toBe(429);
  });

  it('throttles per (account, address): others’ failures neither lock the owner out nor slow them much', async () => {
    const from = async (email: string, address: string, password: string) => {
      const res = await t.app.request(
        `${ORIGIN}/api/session`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ email, password }),
        },
        { incoming: { socket: { remoteAddress: address } } },
      );
      return { status: res.status, retryAfter: Number(res.headers.get('retry-after')) };
    };
    // five addresses, one failure each: the owner from a sixth logs in
    for (let i = 0; i < 5; i++)
      expect((await from('board@hc.test', `10.0.0.${i}`, 'wrong')).status).toBe(401);
    expect((await from('board@hc.test', '10.0.0.9', PASSWORD)).status).toBe(200);
    // five failures from one address lock that pair only
    for (let i = 0; i < 5; i++)
      expect((await from('coord@hc.test', '10.0.1.1', 'wrong')).status).toBe(401);
    const pair = await from('coord@hc.test', '10.0.1.1', PASSWORD);
    expect(pair.status).toBe(429);
    expect(pair.retryAfter).toBeGreaterThan(800);
    expect((await from('coord@hc.test', '10.0.1.2', PASSWORD)).status).toBe(200);
    // ten failures on one account: a new address waits a few seconds, a known one does not
    for (let i = 0; i < 5; i++)
      expect((await from('board@hc.test', `10.0.3.${i}`, 'wrong')).status).toBe(401);
    const spaced = await from('board@hc.test', '10.0.2.1', PASSWORD);
    expect(spaced.status).toBe(429);
    expect(spaced.retryAfter).toBeGreaterThan(0);
    expect(spaced.retryAfter).toBeLessThanOrEqual(3);
    expect((await from('board@hc.test', '10.0.0.9', PASSWORD)).status).toBe(200);
  });

  it('answers 503 with Retry-After at once when the hashing queue is full, without counting a failure', async () => {
    t.deps.limits.hashing = new HashQueue({
      concurrency: 1,
      maxWaiting: 0,
      perOwner: 1,
      maxWaitMs: 1_000,
      halfLifeMs: 60_000,
    });
    let release!: () => void;
    const held = new Promise<void>((r) => {
      release = r;
    });
    // Another client's hash holds the only thread; nothing may wait.
    const running = t.deps.limits.hashing.run('10.9.9.9', () => held);
    for (let i = 0; i < 12; i++) {
      const started = performance.now();
      const res = await call(t, 'POST', '/api/session', {
        body: { email: 'board@hc.test', password: 'wrong' },
      });
      expect(res.status).toBe(503);
      expect(res.json.error.code).toBe('SERVICE_UNAVAILABLE');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(performance.now() - started).toBeLessThan(1_000);
    }
    release();
    await running;
    // 12 refusals counted no failure: the pair is not locked
    const owner = await call(t, 'POST', '/api/session', {
      body: { email: 'board@hc.test', password: PASSWORD },
    });
    expect(owner.status).toBe(200);
  });

  it('limits failed logins per address across accounts', async () => {
    for (let i = 0; i < 30; i++) {
      await call(t, 'POST', '/api/session', {
        body: { email: `x${i}@nowhere.test`, password: 'wrong' },
      });
    }
    const res = await call(t, 'POST', '/api/session', {
      body: { email: 'coord@hc.test', password: PASSWORD },
    });
    expect(res.status).toBe(429);
  });

  it('refuses a cookie-authenticated write from another origin, and a login from another site', async () => {
    const cookie = await login(t, 'coord@hc.test');
    const body = {
      period: '2026Q3',
      entries: [{ scope: 'pole', indicator: 'PTCE-MEMBRES', value: 12 }],
    };
    const evil = await call(t, 'PUT', '/api/poles/henin-carvin/values', {
      body,
      cookie,
      headers: { origin: 'https://evil.example' },
    });
    expect(evil.status).toBe(403);
    expect(evil.json.error.code).toBe('CSRF_REJECTED');
    const site = await call(t, 'PUT', '/api/poles/henin-carvin/values', {
      body,
      cookie,
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    expect(site.status).toBe(403);
    expect(await t.db.selectFrom('values').selectAll().execute()).toEqual([]);
    const same = await call(t, 'PUT', '/api/poles/henin-carvin/values', {
      body,
      cookie,
      headers: { origin: ORIGIN },
    });
    expect(same.status).toBe(200);
    const loginCsrf = await call(t, 'POST', '/api/session', {
      body: { email: 'coord@hc.test', password: PASSWORD },
      headers: { origin: 'https://evil.example' },
    });
    expect(loginCsrf.status).toBe(403);
  });

  it('expires sessions', async () => {
    let now = new Date('2026-11-29T10:00:00Z');
    await t.close();
    t = await createTestInstance({ now: () => now });
    const cookie = await login(t, 'coord@hc.test');
    expect((await call(t, 'GET', '/api/session', { cookie })).status).toBe(200);
    now = new Date('2026-11-29T22:00:01Z');
    expect((await call(t, 'GET', '/api/session', { cookie })).status).toBe(401);
  });
});

describe('API tokens', () => {
  it('creates a token shown once, which works as Bearer and stops working once revoked', async () => {
    const cookie = await login(t, 'cress@hdf.test');
    const created = await call(t, 'POST', '/api/tokens', {
      cookie,
      body: { name: 'export script' },
    });
    expect(created.status).toBe(201);
    const secret: string = created.json.secret;
    expect(secret).toMatch(/^ptce_t_/);
    const stored = await t.db.selectFrom('api_tokens').selectAll().executeTakeFirstOrThrow();
    expect(stored.token_hash).not.toContain(secret.slice(7));
    const list = await call(t, 'GET', '/api/tokens', { cookie });
    expect(JSON.stringify(list.json)).not.toContain(secret);

    const poles = await call(t, 'GET', '/api/poles', { bearer: secret });
    expect(poles.status).toBe(200);
    expect(poles.json.poles.map((p: { slug: string }) => p.slug).sort()).toEqual([
      'demo-littoral',
      'henin-carvin',
    ]);
    // read-only by default: a leaked export token cannot change data
    const body = {
      period: '2026Q3',
      entries: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 1 }],
    };
    const coordCookie = await login(t, 'coord@hc.test');
    const readOnly = (
      await call(t, 'POST', '/api/tokens', { cookie: coordCookie, body: { name: 'lecture' } })
    ).json.secret;
    expect(
      (await call(t, 'PUT', '/api/poles/henin-carvin/values', { bearer: readOnly, body })).status,
    ).toBe(403);
    const writer = (
      await call(t, 'POST', '/api/tokens', {
        cookie: coordCookie,
        body: { name: 'saisie', write: true },
      })
    ).json;
    expect(writer.token.canWrite).toBe(true);
    expect(
      (await call(t, 'PUT', '/api/poles/henin-carvin/values', { bearer: writer.secret, body }))
        .status,
    ).toBe(200);
    // a token cannot mint tokens
    expect(
      (await call(t, 'POST', '/api/tokens', { bearer: secret, body: { name: 'x' } })).status,
    ).toBe(403);

    const revoked = await call(t, 'DELETE', `/api/tokens/${created.json.token.id}`, { cookie });
    expect(revoked.status).toBe(204);
    const after = await call(t, 'GET', '/api/poles', { bearer: secret });
    expect(after.status).toBe(401);
    expect(after.json.error.code).toBe('UNAUTHENTICATED');
    expect(
      (await call(t, 'GET', '/api/poles', { bearer: 'ptce_t_forged-token-value' })).status,
    ).toBe(401);
  });
});
