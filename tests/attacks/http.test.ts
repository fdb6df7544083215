import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { currentQuarter } from '@ptce/shared/periods';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTables, withoutSharedState } from '../support/database-file';
import {
  ROOT,
  type RunningServer,
  removeTestDatabase,
  startServer,
  tempDbFile,
} from '../support/start-server';

// The HTTP surface of issue 10 against the built server: hosts and origins (DNS rebinding,
// CSRF), media types of writes, lone surrogates, HSTS, private caching, the web app from memory.

const COORD = 'coordination@henin-carvin.demo';
const PUBLIC = 'https://suivi.cress-hdf.org';
const VALUES = '/api/poles/henin-carvin/values';
const quarter = currentQuarter(new Date());

interface Raw {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  // biome-ignore lint/suspicious/noExplicitAny: tests assert envelopes field by field
  json: any;
}

/** One request over a socket, every header as given (Host included), nothing added by fetch. */
function raw(
  server: RunningServer,
  method: string,
  pathname: string,
  headers: Record<string, string> = {},
  body?: string | Buffer,
): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: '127.0.0.1', port: server.port, method, path: pathname, headers, agent: false },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (d: Buffer) => chunks.push(d));
        res.on('end', () => {
          const data = Buffer.concat(chunks);
          let json = null;
          try {
            json = JSON.parse(data.toString());
          } catch {}
          resolve({ status: res.statusCode!, headers: res.headers, body: data, json });
        });
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const local = (s: RunningServer) => `127.0.0.1:${s.port}`;

/** A body `PUT /values` accepts: one comment on the current quarter (no rule involves it). */
const saveBody = (comment: string) =>
  `{"period":"${quarter}","entries":[{"scope":"pole","indicator":"PTCE-REUNIONS","value":3,"comment":${comment}}]}`;

/** Every table but the sessions (logins write them) and the servers' shared state, comparable as is. */
async function data(file: string) {
  const { sessions: _sessions, ...rest } = withoutSharedState(await readTables(file));
  return rest;
}

async function loginCookie(server: RunningServer, headers: Record<string, string>) {
  const res = await raw(
    server,
    'POST',
    '/api/session',
    { 'content-type': 'application/json', ...headers },
    JSON.stringify({ email: COORD, password: server.passwords.get(COORD) }),
  );
  expect(res.status).toBe(200);
  const set = res.headers['set-cookie']![0]!;
  return { cookie: set.split(';')[0]!, setCookie: set };
}

/** The server still answers a cheap request. */
async function stillUp(server: RunningServer, host = local(server)) {
  expect((await raw(server, 'GET', '/api/catalogue', { host })).status).toBe(200);
}

describe('local server (no PTCE_PUBLIC_URL)', () => {
  let server: RunningServer;
  let cookie: string;
  let webDist: string;

  beforeAll(async () => {
    // The web app from a copy that is deleted once the server listens: answers prove memory.
    webDist = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-web-dist-'));
    fs.cpSync(path.join(ROOT, 'web/dist'), webDist, { recursive: true });
    server = await startServer(tempDbFile('ptce-http-'), { PTCE_WEB_DIST: webDist });
    fs.rmSync(webDist, { recursive: true, force: true });
    ({ cookie } = await loginCookie(server, { host: local(server) }));
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    if (server) await removeTestDatabase(server.dbFile);
  });

  it('refuses Host: evil.example, even with Origin: http://evil.example (DNS rebinding)', async () => {
    const before = await data(server.dbFile);
    const headers = { host: 'evil.example', origin: 'http://evil.example' };
    const login = await raw(
      server,
      'POST',
      '/api/session',
      { ...headers, 'content-type': 'application/json' },
      JSON.stringify({ email: COORD, password: server.passwords.get(COORD) }),
    );
    expect(login.status).toBe(400);
    expect(login.json.error.code).toBe('BAD_REQUEST');
    expect(login.headers['set-cookie']).toBeUndefined();
    const write = await raw(
      server,
      'PUT',
      VALUES,
      { ...headers, cookie, 'content-type': 'application/json' },
      saveBody('"rebound"'),
    );
    expect(write.status).toBe(400);
    expect((await raw(server, 'GET', '/', { host: 'evil.example' })).status).toBe(400);
    expect(await data(server.dbFile)).toEqual(before);
    await stillUp(server);
  });

  it('refuses a cookie write from a foreign Origin with 403', async () => {
    const before = await data(server.dbFile);
    for (const origin of ['http://evil.example', `http://192.168.1.66:${server.port}`, 'null']) {
      const res = await raw(
        server,
        'PUT',
        VALUES,
        { host: local(server), origin, cookie, 'content-type': 'application/json' },
        saveBody('"csrf"'),
      );
      expect(res.status, origin).toBe(403);
      expect(res.json.error.code).toBe('CSRF_REJECTED');
    }
    expect(await data(server.dbFile)).toEqual(before);
    await stillUp(server);
  });

  it('refuses a form-shaped body (text/plain, urlencoded) with the cookie and no Origin: 415', async () => {
    const before = await data(server.dbFile);
    for (const type of [
      'text/plain',
      'application/x-www-form-urlencoded',
      'text/plain;charset=UTF-8',
    ]) {
      const res = await raw(
        server,
        'PUT',
        VALUES,
        { host: local(server), cookie, 'content-type': type },
        saveBody('"form"'),
      );
      expect(res.status, type).toBe(415);
      expect(res.json.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    }
    const submit = await raw(
      server,
      'POST',
      `/api/poles/henin-carvin/periods/${quarter}/submit`,
      { host: local(server), cookie, 'content-type': 'text/plain' },
      'reason=x',
    );
    expect(submit.status).toBe(415);
    expect(await data(server.dbFile)).toEqual(before);
    await stillUp(server);
  });

  it('refuses a lone surrogate in a comment with 400, the history unchanged', async () => {
    const before = await data(server.dbFile);
    for (const comment of ['"\\ud800"', '"ok \\udfff"', '"\\ude00\\ud83d"']) {
      const res = await raw(
        server,
        'PUT',
        VALUES,
        { host: local(server), cookie, 'content-type': 'application/json' },
        saveBody(comment),
      );
      expect(res.status, comment).toBe(400);
      expect(res.json.error.code).toBe('BAD_REQUEST');
      expect(res.json.error.message).toMatch(/demi-paire de substitution (Unicode )?isolée/);
    }
    expect(await data(server.dbFile)).toEqual(before);
    await stillUp(server);
  });

  it('writes the same body as JSON (the refusals above were about the request, not the body)', async () => {
    const before = (await data(server.dbFile)).value_history!.length;
    const res = await raw(
      server,
      'PUT',
      VALUES,
      {
        host: local(server),
        origin: `http://${local(server)}`,
        cookie,
        'content-type': 'application/json',
      },
      saveBody('"\\ud83d\\ude00 fine"'),
    );
    expect(res.status, res.body.toString()).toBe(200);
    expect((await data(server.dbFile)).value_history!.length).toBe(before + 1);
  });

  it('sends no HSTS over plain http, X-Forwarded-Proto being untrusted', async () => {
    for (const headers of [{}, { 'x-forwarded-proto': 'https' }] as Record<string, string>[]) {
      const res = await raw(server, 'GET', '/', { host: local(server), ...headers });
      expect(res.status).toBe(200);
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('marks authenticated JSON answers private, no-cache, and still answers 304 to the ETag', async () => {
    const me = await raw(server, 'GET', '/api/session', { host: local(server), cookie });
    expect(me.status).toBe(200);
    expect(me.headers['cache-control']).toBe('private, no-cache');
    const pole = await raw(server, 'GET', '/api/poles/henin-carvin', {
      host: local(server),
      cookie,
    });
    expect(pole.headers['cache-control']).toBe('private, no-cache');
    const etag = pole.headers.etag!;
    const again = await raw(server, 'GET', '/api/poles/henin-carvin', {
      host: local(server),
      cookie,
      'if-none-match': etag,
    });
    expect(again.status).toBe(304);
    expect(again.headers['cache-control']).toBe('private, no-cache');
  });

  it('answers 404 for /assets/nope.js, and the page and its assets from memory', async () => {
    const nope = await raw(server, 'GET', '/assets/nope.js', { host: local(server) });
    expect(nope.status).toBe(404);
    expect(nope.json.error.code).toBe('NOT_FOUND');
    const started = performance.now();
    const page = await raw(server, 'GET', '/poles/henin-carvin', { host: local(server) });
    expect(page.status).toBe(200);
    expect(page.headers['cache-control']).toBe('no-cache');
    const html = page.body.toString();
    const scripts = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
    expect(scripts.length).toBeGreaterThan(0);
    for (const asset of scripts) {
      const res = await raw(server, 'GET', asset, {
        host: local(server),
        'accept-encoding': 'gzip, br',
      });
      expect(res.status, asset).toBe(200);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      if (asset.endsWith('.js')) expect(res.headers['content-encoding']).toBe('br');
    }
    // The build folder was deleted before the first request: every byte came from memory.
    expect(fs.existsSync(webDist)).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});

describe('behind an https proxy (PTCE_PUBLIC_URL, PTCE_TRUST_PROXY=1)', () => {
  let server: RunningServer;
  const host = 'suivi.cress-hdf.org';
  const https = { host, 'x-forwarded-proto': 'https' };

  beforeAll(async () => {
    server = await startServer(tempDbFile('ptce-http-public-'), {
      PTCE_PUBLIC_URL: PUBLIC,
      PTCE_TRUST_PROXY: '1',
    });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    if (server) await removeTestDatabase(server.dbFile);
  });

  it('serves its public host only', async () => {
    for (const other of [
      'evil.example',
      local(server),
      'localhost',
      'suivi.cress-hdf.org.evil.example',
    ]) {
      const res = await raw(server, 'GET', '/api/catalogue', { host: other });
      expect(res.status, other).toBe(400);
      expect(res.json.error.code).toBe('BAD_REQUEST');
    }
    const forwarded = await raw(server, 'GET', '/api/catalogue', {
      host: local(server),
      'x-forwarded-host': host,
    });
    expect(forwarded.status).toBe(200);
    await stillUp(server, host);
  });

  it('sends HSTS over https only, and a Secure cookie', async () => {
    const secure = await raw(server, 'GET', '/', https);
    expect(secure.headers['strict-transport-security']).toMatch(/^max-age=\d+/);
    const plain = await raw(server, 'GET', '/', { host, 'x-forwarded-proto': 'http' });
    expect(plain.headers['strict-transport-security']).toBeUndefined();
    const { setCookie } = await loginCookie(server, { ...https, origin: PUBLIC });
    expect(setCookie).toContain('Secure');
  });

  it('checks Origin against the public URL, not the Host', async () => {
    const { cookie } = await loginCookie(server, https);
    const before = await data(server.dbFile);
    const evilLogin = await raw(
      server,
      'POST',
      '/api/session',
      { ...https, origin: 'https://evil.example', 'content-type': 'application/json' },
      JSON.stringify({ email: COORD, password: server.passwords.get(COORD) }),
    );
    expect(evilLogin.status).toBe(403);
    for (const origin of ['https://evil.example', `http://${host}`]) {
      const res = await raw(
        server,
        'PUT',
        VALUES,
        { ...https, origin, cookie, 'content-type': 'application/json' },
        saveBody('"csrf"'),
      );
      expect(res.status, origin).toBe(403);
    }
    const rebound = await raw(
      server,
      'PUT',
      VALUES,
      {
        host: 'evil.example',
        origin: 'https://evil.example',
        cookie,
        'content-type': 'application/json',
      },
      saveBody('"rebound"'),
    );
    expect(rebound.status).toBe(400);
    expect(await data(server.dbFile)).toEqual(before);
    const own = await raw(
      server,
      'PUT',
      VALUES,
      { ...https, origin: PUBLIC, cookie, 'content-type': 'application/json' },
      saveBody('"same site"'),
    );
    expect(own.status).toBe(200);
  });
});
