import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN_JS = path.join(ROOT, 'server/dist/main.js');
/** The server's Node flags, as `npm start` (scripts/ptce.mjs) passes them; PTCE_NODE_FLAGS overrides them to compare settings. */
const SERVER_NODE_FLAGS = (
  process.env.PTCE_NODE_FLAGS ?? '--max-semi-space-size=8 --max-old-space-size=128'
).split(' ');

export interface RunningServer {
  child: ChildProcess;
  port: number;
  url: string;
  dbFile: string;
  /** Everything the server printed so far. */
  output: () => string;
  /** Demo accounts printed at first start: e-mail → password. */
  passwords: Map<string, string>;
  stop: (signal?: NodeJS.Signals) => Promise<number | null>;
}

/** Builds the server bundle when it is missing (the test command builds it beforehand). */
function ensureServerBuilt(): void {
  if (fs.existsSync(MAIN_JS)) return;
  const res = spawnSync('node', ['build.mjs'], {
    cwd: path.join(ROOT, 'server'),
    stdio: 'inherit',
  });
  if (res.status !== 0) throw new Error('server build failed');
}

/** A fresh temporary folder for a database. */
export function tempDbFile(prefix = 'ptce-'): string {
  return path.join(fs.mkdtempSync(path.join(os.tmpdir(), prefix)), 'var', 'ptce-suivi.sqlite');
}

/**
 * Starts the built server (`node server/dist/main.js`) on a free port of 127.0.0.1 with the
 * given database and settings; resolves once it listens.
 */
export async function startServer(
  dbFile: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  ensureServerBuilt();
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, MAIN_JS], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', PTCE_DB: dbFile, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const collect = (d: Buffer) => {
    out += d.toString();
  };
  child.stdout!.on('data', collect);
  child.stderr!.on('data', collect);
  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 90_000);
    const check = () => {
      const m = /listening on http:\/\/localhost:(\d+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(Number(m[1]));
      }
    };
    child.stdout!.on('data', check);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`server exited ${code}:\n${out}`));
    });
  });
  const passwords = new Map<string, string>();
  for (const m of out.matchAll(/^\s+(\S+@\S+)\s+(\S+)\s+\(/gm)) passwords.set(m[1]!, m[2]!);
  return {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    dbFile,
    output: () => out,
    passwords,
    stop: (signal = 'SIGTERM') =>
      new Promise((resolve) => {
        // A process killed by a signal keeps exitCode null: check signalCode too, or wait forever.
        if (child.exitCode !== null || child.signalCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill(signal);
      }),
  };
}
