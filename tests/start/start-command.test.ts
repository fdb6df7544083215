import fs from 'node:fs';
import { testEngine } from '@ptce/server/test-support/test-database';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  pgDatabaseExists,
  type RunningServer,
  removeTestDatabase,
  startServer,
  tempDbFile,
} from '../support/start-server';

let dbFile: string;
let server: RunningServer;

beforeAll(async () => {
  dbFile = tempDbFile('ptce-start-');
  server = await startServer(dbFile, { PTCE_DEMO: '1' });
});

afterAll(async () => {
  await server?.stop('SIGKILL');
  if (dbFile) await removeTestDatabase(dbFile);
});

/** Logs the demo's coordinator in with the password the first start printed. */
async function coordinatorCookie(): Promise<string> {
  const login = await fetch(`${server.url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      email: 'coordination@henin-carvin.demo',
      password: server.passwords.get('coordination@henin-carvin.demo'),
    }),
  });
  expect(login.status).toBe(200);
  return login.headers.get('set-cookie')!.split(';')[0]!;
}

describe('the start command on a new database', () => {
  it('creates the database in its folder, serves the catalogue and lets a printed demo account log in', async () => {
    if (testEngine() === 'postgres') {
      // PTCE_DATABASE_URL wins over PTCE_DB: the database is on the cluster, no file is made.
      expect(await pgDatabaseExists(dbFile)).toBe(true);
      expect(fs.existsSync(dbFile)).toBe(false);
      expect(server.output()).toMatch(/new database postgres:\/\/\S+ \(PostgreSQL\)/);
    } else {
      expect(fs.existsSync(dbFile)).toBe(true);
      expect(server.output()).toContain(`new database ${dbFile}`);
    }
    const catalogue = await fetch(`${server.url}/api/catalogue`);
    expect(catalogue.status).toBe(200);
    expect((await catalogue.json()).indicators.length).toBe(45);

    expect([...server.passwords.keys()].sort()).toEqual([
      'admin@ptce-suivi.demo',
      'bureau@henin-carvin.demo',
      'coordination@henin-carvin.demo',
      'cress@hdf.demo',
    ]);
    const cookie = await coordinatorCookie();
    const values = await fetch(
      `${server.url}/api/poles/henin-carvin/values?from=2023Q1&to=2023Q4`,
      { headers: { cookie } },
    );
    expect(values.status).toBe(200);
    expect((await values.json()).values.length).toBeGreaterThan(100);
    const page = await fetch(`${server.url}/poles/henin-carvin`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  });

  it('stops after the requests being answered, even those whose client has gone', async () => {
    const cookie = await coordinatorCookie();
    // 30 clients asking one computed answer after another (each range its own answer) while the
    // stop comes: those in flight are answered or refused, none fails on a closed database.
    const clients = Array.from({ length: 30 }, async (_, c) => {
      for (let i = 0; ; i++) {
        const from = 2016 + ((c + i) % 8);
        const url = `${server.url}/api/poles/henin-carvin/values?from=${from}Q1&to=2025Q${(i % 4) + 1}`;
        try {
          await fetch(url, { headers: { cookie } });
        } catch {
          return; // the server is gone
        }
      }
    });
    await new Promise((r) => setTimeout(r, 300));
    expect(await server.stop('SIGTERM')).toBe(0);
    await Promise.all(clients);
    expect(server.output()).not.toMatch(/ failed:|destroyed|not open/);
    server = await startServer(dbFile);
  });

  it('stops cleanly on SIGTERM and SIGINT, and a restart prints no password again', async () => {
    expect(await server.stop('SIGTERM')).toBe(0);
    server = await startServer(dbFile);
    expect(server.output()).not.toContain('demo accounts');
    expect(server.passwords.size).toBe(0);
    expect(await server.stop('SIGINT')).toBe(0);
  });
});
