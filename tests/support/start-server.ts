import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { connect } from '@ptce/server/db/create-db';
import { testEngine, withDatabase } from '@ptce/server/test-support/test-database';
import { sql } from 'kysely';
import { serverNodeFlags } from '../../scripts/server-flags.mjs';

export const ROOT = path.resolve(import.meta.dirname, '../..');
const MAIN_JS = path.join(ROOT, 'server/dist/main.js');
/** The server's Node flags, as `npm start` (scripts/ptce.mjs) passes them; PTCE_NODE_FLAGS overrides them to compare settings. */
const SERVER_NODE_FLAGS = process.env.PTCE_NODE_FLAGS?.split(' ') ?? serverNodeFlags();

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

// On PostgreSQL (`PTCE_TEST_ENGINE=postgres`, the `node-pg` project) a server started on
// `dbFile` runs on a database of the test cluster named after that path: `dbFile` stays the key
// the tests pass around (a restart on the same path finds the same database), and the
// functions of database-file.ts read whichever database it names.

/** The admin URL the PostgreSQL global setup left (superuser, maintenance database). */
function adminUrl(): string {
  const url = process.env.PTCE_TEST_PG_ADMIN_URL;
  if (!url)
    throw new Error('PTCE_TEST_PG_ADMIN_URL is unset: the PostgreSQL global setup did not run');
  return url;
}

/** The PostgreSQL database a server started on `dbFile` uses: a hash of the absolute path. */
function pgDatabaseName(dbFile: string): string {
  const hash = createHash('sha256').update(path.resolve(dbFile)).digest('hex').slice(0, 20);
  return `ptce_srv_${hash}`;
}

/**
 * What the database `dbFile` names on the engine the tests run on: the file itself on SQLite,
 * the URL of its database on PostgreSQL.
 */
export function databaseTarget(dbFile: string): string {
  return testEngine() === 'postgres' ? withDatabase(adminUrl(), pgDatabaseName(dbFile)) : dbFile;
}

/** Runs `fn` on the cluster's maintenance database (statements outside any transaction). */
async function withAdmin<T>(fn: (db: ReturnType<typeof connect>['db']) => Promise<T>): Promise<T> {
  const { db } = connect(adminUrl(), 1);
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/** Does `dbFile`'s PostgreSQL database exist on the test cluster? */
export async function pgDatabaseExists(dbFile: string): Promise<boolean> {
  const name = pgDatabaseName(dbFile);
  return withAdmin(async (db) => {
    const found = await sql`SELECT 1 FROM pg_database WHERE datname = ${name}`.execute(db);
    return found.rows.length > 0;
  });
}

/** Creates `dbFile`'s PostgreSQL database, EMPTY (the server migrates it), unless it exists. */
async function ensurePgDatabase(dbFile: string): Promise<void> {
  const name = pgDatabaseName(dbFile);
  if (await pgDatabaseExists(dbFile)) return;
  await withAdmin((db) => sql`CREATE DATABASE ${sql.id(name)} TEMPLATE template0`.execute(db));
}

/**
 * Removes the database a test's servers ran on, with the temporary folder `tempDbFile` made
 * for it: on PostgreSQL its database is dropped too (its servers should be stopped; any
 * connection left is ended). For the tests' cleanup, on either engine.
 */
export async function removeTestDatabase(dbFile: string): Promise<void> {
  fs.rmSync(path.dirname(path.dirname(dbFile)), { recursive: true, force: true });
  if (testEngine() !== 'postgres') return;
  const name = pgDatabaseName(dbFile);
  await withAdmin((db) => sql`DROP DATABASE IF EXISTS ${sql.id(name)} WITH (FORCE)`.execute(db));
}

/**
 * Starts the built server (`node server/dist/main.js`) on a free port of 127.0.0.1 with the
 * given database and settings; resolves once it listens. On PostgreSQL the server gets
 * PTCE_DATABASE_URL of `dbFile`'s database (created empty on the first start, as a real first
 * start finds it).
 */
export async function startServer(
  dbFile: string,
  env: Record<string, string> = {},
): Promise<RunningServer> {
  ensureServerBuilt();
  const database: Record<string, string> = { PTCE_DB: dbFile };
  if (testEngine() === 'postgres') {
    await ensurePgDatabase(dbFile);
    database.PTCE_DATABASE_URL = databaseTarget(dbFile);
  }
  const child = spawn(process.execPath, [...SERVER_NODE_FLAGS, MAIN_JS], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...database, ...env },
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
