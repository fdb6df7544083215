import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const mainJs = path.join(root, 'server/dist/main.js');

/** Starts the built server on a fresh database and collects its console output. */
function startServer(dbFile: string) {
  const child = spawn(process.execPath, [mainJs], {
    cwd: root,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PTCE_DB: dbFile, PTCE_DEMO: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d) => {
    out += d;
  });
  child.stderr!.on('data', (d) => {
    out += d;
  });
  const ready = new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    child.stdout!.on('data', () => {
      const m = /listening on http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`server exited ${code}:\n${out}`)));
  });
  return { child, ready, output: () => out };
}

let dir: string;
let server: ReturnType<typeof startServer>;
let port: number;

beforeAll(async () => {
  if (!fs.existsSync(mainJs)) {
    const res = spawnSync('node', ['build.mjs'], {
      cwd: path.join(root, 'server'),
      stdio: 'inherit',
    });
    if (res.status !== 0) throw new Error('server build failed');
  }
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-start-'));
  server = startServer(path.join(dir, 'var', 'ptce-suivi.sqlite'));
  port = await server.ready;
});

afterAll(() => {
  if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  fs.rmSync(dir, { recursive: true, force: true });
});

function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<number | null> {
  return new Promise((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.kill(signal);
  });
}

describe('the start command on a new database', () => {
  it('creates the database in its folder, serves the catalogue and lets a printed demo account log in', async () => {
    expect(fs.existsSync(path.join(dir, 'var', 'ptce-suivi.sqlite'))).toBe(true);
    const catalogue = await fetch(`http://127.0.0.1:${port}/api/catalogue`);
    expect(catalogue.status).toBe(200);
    expect((await catalogue.json()).indicators.length).toBe(45);

    const m = /(coordination@henin-carvin\.demo)\s+(\S+)/.exec(server.output());
    expect(m).not.toBeNull();
    const login = await fetch(`http://127.0.0.1:${port}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: m![1], password: m![2] }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
    const values = await fetch(
      `http://127.0.0.1:${port}/api/poles/henin-carvin/values?from=2023Q1&to=2023Q4`,
      { headers: { cookie } },
    );
    expect(values.status).toBe(200);
    expect((await values.json()).values.length).toBeGreaterThan(100);
    const page = await fetch(`http://127.0.0.1:${port}/poles/henin-carvin`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
  });

  it('stops cleanly on SIGTERM, and a restart prints no password again', async () => {
    expect(await stop(server.child, 'SIGTERM')).toBe(0);
    server = startServer(path.join(dir, 'var', 'ptce-suivi.sqlite'));
    port = await server.ready;
    expect(server.output()).not.toContain('demo accounts');
    expect(await stop(server.child, 'SIGINT')).toBe(0);
  });
});
