import { spawn } from 'node:child_process';
import http from 'node:http';
import { testEngine } from '@ptce/server/test-support/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTables, withoutSharedState } from '../support/database-file';
import {
  type RunningServer,
  removeTestDatabase,
  startServer,
  tempDbFile,
} from '../support/start-server';

/**
 * Logins used against the service or its users, on the BUILT server (its demo accounts): a
 * flood of unknown e-mails from 50 addresses, guesses spread over addresses, guesses from one
 * address, and a password typed in another Unicode form.
 */

let dbFile: string;
let server: RunningServer;

beforeAll(async () => {
  dbFile = tempDbFile('ptce-logins-');
  server = await startServer(dbFile, { PTCE_DEMO: '1' });
}, 120_000);

afterAll(async () => {
  await server?.stop('SIGKILL');
  if (dbFile) await removeTestDatabase(dbFile);
});

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  // biome-ignore lint/suspicious/noExplicitAny: tests assert response bodies field by field
  json: any;
  ms: number;
}

/** A request from the loopback address `from` (the socket is bound to it), on a new connection. */
function send(
  method: string,
  pathname: string,
  opts: { from?: string; body?: unknown; cookie?: string } = {},
): Promise<Answer> {
  const started = performance.now();
  const body = opts.body === undefined ? undefined : JSON.stringify(opts.body);
  return new Promise((resolve, reject) => {
    const req = http.request(
      {
        host: '127.0.0.1',
        port: server.port,
        method,
        path: pathname,
        localAddress: opts.from ?? '127.0.0.1',
        agent: false,
        headers: {
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...(opts.cookie ? { cookie: opts.cookie } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          let json = null;
          try {
            json = text ? JSON.parse(text) : null;
          } catch {
            json = null;
          }
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            json,
            ms: performance.now() - started,
          });
        });
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

const login = (email: string, password: string, from?: string) =>
  send('POST', '/api/session', { from, body: { email, password } });

const password = (email: string) => {
  const p = server.passwords.get(email);
  if (!p) throw new Error(`no demo password printed for ${email}`);
  return p;
};

/** The server answers a cheap request. */
async function expectUp(): Promise<void> {
  const res = await send('GET', '/api/session');
  expect(res.status).toBe(401);
  expect(res.json.error.code).toBe('UNAUTHENTICATED');
}

/**
 * The tables a login may not change: all but sessions, the notifications' (the reminder job
 * writes them on its own) and, on PostgreSQL, the servers' shared state (the failed-login
 * counters are there). On SQLite the notifications' rows of sqlite_sequence go too; on
 * PostgreSQL the keys' sequences are no tables (and move on a rolled-back insert as well).
 */
async function tablesButSessions(): Promise<Record<string, unknown[]>> {
  const jobs = /^(notification|mail_)/;
  const tables = withoutSharedState(await readTables(dbFile));
  if (testEngine() === 'sqlite') {
    const sequences = tables.sqlite_sequence as Array<{ name: string }> | undefined;
    expect(sequences, 'SQLite keeps its AUTOINCREMENT counters in sqlite_sequence').toBeDefined();
    tables.sqlite_sequence = sequences!.filter((s) => !jobs.test(s.name));
  } else {
    expect(Object.keys(tables).filter((t) => t.startsWith('sqlite_'))).toEqual([]);
  }
  return Object.fromEntries(
    Object.entries(tables).filter(([name]) => name !== 'sessions' && !jobs.test(name)),
  );
}

const addr = (i: number) => `127.0.0.${i}`;

/**
 * The flood's client, in a process of its own (an attacker is not the tester's event loop):
 * `count` concurrent logins of unknown e-mails, each on its own connection bound to one of 50
 * loopback addresses (127.0.0.2…51). Prints every answer's status, Retry-After and time.
 */
const FLOOD = `
const http = require('node:http');
const [port, count] = process.argv.slice(1).map(Number);
const t0 = performance.now();
const one = (i) => new Promise((resolve) => {
  const req = http.request({ host: '127.0.0.1', port, method: 'POST', path: '/api/session',
    localAddress: '127.0.0.' + (2 + (i % 50)), agent: false,
    headers: { 'content-type': 'application/json' } }, (res) => {
    const chunks = [];
    res.on('data', (c) => chunks.push(c));
    res.on('end', () => resolve({ status: res.statusCode, retryAfter: res.headers['retry-after'] ?? null,
      code: JSON.parse(Buffer.concat(chunks).toString() || 'null')?.error?.code ?? null,
      ms: performance.now() - t0 }));
  });
  req.on('error', (e) => resolve({ status: 0, code: e.code, retryAfter: null, ms: performance.now() - t0 }));
  req.end(JSON.stringify({ email: 'inconnu-' + i + '@flood.example', password: 'pas-le-bon-mot-de-passe' }));
});
Promise.all(Array.from({ length: count }, (_, i) => one(i))).then((a) => process.stdout.write(JSON.stringify(a)));
`;

interface FloodAnswer {
  status: number;
  code: string | null;
  retryAfter: string | null;
  ms: number;
}

function flood(count: number): { started: Promise<void>; done: Promise<FloodAnswer[]> } {
  const child = spawn(process.execPath, ['-e', FLOOD, String(server.port), String(count)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let out = '';
  child.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  return {
    started: new Promise((resolve) => child.once('spawn', () => resolve())),
    done: new Promise((resolve, reject) =>
      child.once('exit', (code) =>
        code === 0 ? resolve(JSON.parse(out)) : reject(new Error(`flood client exited ${code}`)),
      ),
    ),
  };
}

describe('a login flood', () => {
  it('1 000 logins of unknown e-mails from 50 addresses: a legitimate login answers 200 in < 2 s, the flood gets 401 or a quick 503, the server stays up', async () => {
    const before = await tablesButSessions();
    const attack = flood(1000);
    await attack.started;
    // Let the flood reach the server and fill the hashing queue first.
    await new Promise((r) => setTimeout(r, 500));
    // A cheap request sent with it tells the server thread's own delay from the hashing wait.
    const [legit, cheap] = await Promise.all([
      login('admin@ptce-suivi.demo', password('admin@ptce-suivi.demo')),
      send('GET', '/api/session', { from: addr(60) }),
    ]);
    const answers = await attack.done;
    const count = (s: number) => answers.filter((a) => a.status === s).length;
    const refused = answers.filter((a) => a.status === 503);
    console.log(
      `[logins] flood: legitimate login ${legit.status} in ${legit.ms.toFixed(0)} ms ` +
        `(GET /api/session sent with it: ${cheap.ms.toFixed(0)} ms); ` +
        `flood 401=${count(401)} 503=${count(503)} 429=${count(429)}; ` +
        `slowest 503 ${Math.max(0, ...refused.map((a) => a.ms)).toFixed(0)} ms, ` +
        `slowest answer ${Math.max(...answers.map((a) => a.ms)).toFixed(0)} ms`,
    );
    expect(legit.status).toBe(200);
    expect(legit.ms).toBeLessThan(2000);
    // Every flood answer is a refusal: wrong credentials, or the queue full (503 + Retry-After).
    expect(count(401) + count(503)).toBe(1000);
    expect(count(503)).toBeGreaterThan(0);
    for (const a of refused) {
      expect(a.code).toBe('SERVICE_UNAVAILABLE');
      expect(Number(a.retryAfter)).toBeGreaterThan(0);
    }
    await expectUp();
    expect(await tablesButSessions()).toEqual(before);
  }, 120_000);
});

describe('guessing an account', () => {
  it('five wrong passwords from five addresses do not lock the owner out: the right one from a sixth → 200', async () => {
    const email = 'bureau@henin-carvin.demo';
    for (let i = 0; i < 5; i++) {
      const res = await login(email, `mauvais-${i}`, addr(100 + i));
      expect(res.status).toBe(401);
      expect(res.json.error.code).toBe('INVALID_CREDENTIALS');
    }
    const owner = await login(email, password(email), addr(105));
    expect(owner.status).toBe(200);
    await expectUp();
  }, 60_000);

  it('five wrong passwords from one address lock that address for that account (429 + Retry-After), not the owner elsewhere', async () => {
    const email = 'cress@hdf.demo';
    const before = await tablesButSessions();
    for (let i = 0; i < 5; i++)
      expect((await login(email, `mauvais-${i}`, addr(120))).status).toBe(401);
    const locked = await login(email, password(email), addr(120));
    expect(locked.status).toBe(429);
    expect(locked.json.error.code).toBe('RATE_LIMITED');
    expect(typeof locked.json.error.message).toBe('string');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    expect(await tablesButSessions()).toEqual(before);
    const owner = await login(email, password(email), addr(121));
    expect(owner.status).toBe(200);
    await expectUp();
  }, 60_000);
});

describe('a password in another Unicode form', () => {
  it('a password set in NFC logs in typed in NFD, and the other way round', async () => {
    const admin = await login(
      'admin@ptce-suivi.demo',
      password('admin@ptce-suivi.demo'),
      addr(130),
    );
    expect(admin.status).toBe(200);
    const cookie = String(admin.headers['set-cookie']?.[0]).split(';')[0]!;
    const users = await send('GET', '/api/users', { cookie, from: addr(130) });
    const coord = users.json.users.find(
      (u: { email: string }) => u.email === 'coordination@henin-carvin.demo',
    );
    const nfc = 'Thé-à-l’été-Noël-2026';
    const nfd = nfc.normalize('NFD');
    expect(nfd).not.toBe(nfc);
    for (const [set, typed] of [
      [nfc, nfd],
      [nfd, nfc],
    ] as const) {
      const reset = await send('PUT', `/api/admin/users/${coord.id}/password`, {
        cookie,
        from: addr(130),
        body: { password: set },
      });
      expect(reset.status).toBe(204);
      const res = await login('coordination@henin-carvin.demo', typed, addr(131));
      expect(res.status).toBe(200);
    }
  }, 60_000);
});
