import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { changedTables, fingerprint } from '../fuzz/db-fingerprint';
import { call, login } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';

let t: TestInstance;
let cookie: string;
beforeEach(async () => {
  t = await createTestInstance();
  cookie = await login(t, 'coord@hc.test');
});
afterEach(async () => {
  await t.close();
});

const VALUES = '/api/poles/henin-carvin/values';
const entry = (comment: string) =>
  `{"period":"2026Q3","entries":[{"scope":"pole","indicator":"PTCE-MEMBRES","value":12,"comment":${comment}}]}`;

/** Runs `send` and expects it to change no table. */
async function unchanged(send: () => Promise<{ status: number }>) {
  const before = await fingerprint(t);
  const res = await send();
  expect(changedTables(before, await fingerprint(t))).toEqual([]);
  return res;
}

describe('media types of writes', () => {
  it.each([
    ['text/plain', entry('"x"')],
    ['application/x-www-form-urlencoded', 'period=2026Q3'],
    ['multipart/form-data; boundary=x', '--x\r\n\r\n--x--'],
    ['application/json-seq', entry('"x"')],
  ])('refuses %s with 415 on a JSON write, nothing stored', async (type, raw) => {
    const res = await unchanged(() =>
      call(t, 'PUT', VALUES, { cookie, raw, headers: { 'content-type': type } }),
    );
    expect(res.status).toBe(415);
  });

  it('refuses a form body on a write that reads none (a transition, a logout)', async () => {
    const submit = await unchanged(() =>
      call(t, 'POST', '/api/poles/henin-carvin/periods/2026Q3/submit', {
        cookie,
        raw: 'a=b',
        headers: { 'content-type': 'text/plain' },
      }),
    );
    expect(submit.status).toBe(415);
    const logout = await unchanged(() =>
      call(t, 'DELETE', '/api/session', {
        cookie,
        raw: 'a=b',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
      }),
    );
    expect(logout.status).toBe(415);
    expect((await call(t, 'GET', '/api/session', { cookie })).status).toBe(200);
    const bare = await call(t, 'POST', '/api/poles/henin-carvin/periods/2026Q3/submit', {
      cookie,
    });
    expect(bare.status).not.toBe(415);
  });
});

describe('invalid Unicode', () => {
  it.each([
    ['a lone high surrogate', entry('"\\ud800"')],
    ['a lone low surrogate', entry('"a\\uDC00b"')],
    ['a reversed pair', entry('"\\udc00\\ud800"')],
    ['a surrogate in a key', entry('"x","\\ud800":1')],
    // PostgreSQL's text cannot hold a NUL: refused on both engines alike.
    ['a NUL in a comment', entry('"a\\u0000b"')],
    ['a NUL in a key', entry('"x","\\u0000":1')],
  ])('refuses %s with 400, the history untouched', async (_name, raw) => {
    const res = await unchanged(() => call(t, 'PUT', VALUES, { cookie, raw }));
    expect(res.status).toBe(400);
    expect((res as Awaited<ReturnType<typeof call>>).json.error.code).toBe('BAD_REQUEST');
    expect(await t.db.selectFrom('value_history').selectAll().execute()).toEqual([]);
  });

  it('refuses bytes that are not UTF-8', async () => {
    const bytes = Buffer.concat([
      Buffer.from(entry('"a').slice(0, -4)),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from('"}]}'),
    ]);
    const res = await t.app.request('http://localhost/api/poles/henin-carvin/values', {
      method: 'PUT',
      headers: { cookie, 'content-type': 'application/json' },
      body: bytes,
    });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('BAD_REQUEST');
  });

  it.each([
    ['a path', '/api/poles/henin-carvin%00/periods'],
    ['a path, as a raw escape of a scope', '/api/poles/henin-carvin/values?scope=pole%00'],
    ['a query', '/api/poles/henin-carvin/values?from=2026Q1%00'],
  ])('refuses a NUL in %s with 400 and the envelope, never a 500', async (_name, path) => {
    const res = await unchanged(() => call(t, 'GET', path, { cookie }));
    expect(res.status).toBe(400);
    expect((res as Awaited<ReturnType<typeof call>>).json.error.code).toBe('BAD_REQUEST');
  });

  it('keeps a well-formed pair written as escapes', async () => {
    const res = await call(t, 'PUT', VALUES, { cookie, raw: entry('"\\ud83d\\ude00"') });
    expect(res.status).toBe(200);
    const row = await t.db.selectFrom('values').select('comment').executeTakeFirstOrThrow();
    expect(row.comment).toBe('😀');
  });
});

describe('hosts and origins', () => {
  it('refuses another host with 400 and the envelope, even with a matching Origin', async () => {
    t.deps.publicUrl = new URL('https://suivi.cress-hdf.org');
    const res = await unchanged(() =>
      call(t, 'PUT', VALUES, {
        cookie,
        raw: entry('"x"'),
        headers: { host: 'evil.example', origin: 'https://evil.example' },
      }),
    );
    expect(res.status).toBe(400);
    const ok = await call(t, 'GET', '/api/session', {
      cookie,
      headers: { host: 'suivi.cress-hdf.org' },
    });
    expect(ok.status).toBe(200);
  });

  it('refuses a cookie write whose Origin is not the public URL', async () => {
    t.deps.publicUrl = new URL('https://suivi.cress-hdf.org');
    const host = 'suivi.cress-hdf.org';
    const evil = await unchanged(() =>
      call(t, 'PUT', VALUES, {
        cookie,
        raw: entry('"x"'),
        headers: { host, origin: 'https://evil.example' },
      }),
    );
    expect(evil.status).toBe(403);
    const own = await call(t, 'PUT', VALUES, {
      cookie,
      raw: entry('"x"'),
      headers: { host, origin: 'https://suivi.cress-hdf.org' },
    });
    expect(own.status).toBe(200);
  });
});

describe('answer headers', () => {
  it('sends HSTS over https only', async () => {
    const plain = await call(t, 'GET', '/api/catalogue');
    expect(plain.headers.get('strict-transport-security')).toBeNull();
    t.deps.trustProxy = true;
    const proxied = await call(t, 'GET', '/api/catalogue', {
      headers: { 'x-forwarded-proto': 'https' },
    });
    expect(proxied.headers.get('strict-transport-security')).toMatch(/^max-age=\d+/);
    const proxiedHttp = await call(t, 'GET', '/api/catalogue', {
      headers: { 'x-forwarded-proto': 'http' },
    });
    expect(proxiedHttp.headers.get('strict-transport-security')).toBeNull();
  });

  it('marks authenticated JSON answers private, keeps the ETag revalidation and no-store', async () => {
    const me = await call(t, 'GET', '/api/session', { cookie });
    expect(me.headers.get('cache-control')).toBe('private, no-cache');
    const anonymous = await call(t, 'GET', '/api/session');
    expect(anonymous.status).toBe(401);
    expect(anonymous.headers.get('cache-control')).toBeNull();
    const pole = await call(t, 'GET', '/api/poles/henin-carvin', { cookie });
    const etag = pole.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await call(t, 'GET', '/api/poles/henin-carvin', {
      cookie,
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect(again.headers.get('cache-control')).toBe('private, no-cache');
    const exported = await call(t, 'GET', '/api/exports/values?format=csv&poles=henin-carvin', {
      cookie,
    });
    expect(exported.status).toBe(200);
    expect(exported.headers.get('cache-control')).toBe('no-store');
  });
});
