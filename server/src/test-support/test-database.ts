import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Engine } from '../db/engine';

/**
 * The engine the tests run on: `PTCE_TEST_ENGINE=postgres` (the `node-pg` project of
 * vitest.config.ts) or SQLite. On PostgreSQL the global setup (pg-global-setup.ts) started a
 * cluster, or took `PTCE_TEST_DATABASE_URL`, and made a migrated template database; its URL is
 * in `PTCE_TEST_PG_ADMIN_URL`.
 */
export const testEngine = (): Engine =>
  process.env.PTCE_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

export const TEMPLATE_DB = 'ptce_template';

/** `url` with its database replaced by `name`. */
export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export interface TestDatabase {
  /** A SQLite file path, or a PostgreSQL URL. */
  target: string;
  engine: Engine;
  /** A folder for the test's files (the SQLite file's). */
  dir: string;
  drop: () => Promise<void>;
}

let counter = 0;

async function adminQuery(text: string): Promise<void> {
  const url = process.env.PTCE_TEST_PG_ADMIN_URL;
  if (!url)
    throw new Error('PTCE_TEST_PG_ADMIN_URL is unset: the PostgreSQL global setup did not run');
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * A new, empty database for one test instance: a file in a temporary folder, or on PostgreSQL
 * a copy of the migrated template (CREATE DATABASE … TEMPLATE), dropped by `drop`.
 */
export async function createTestDatabase(engine: Engine = testEngine()): Promise<TestDatabase> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-test-'));
  const rmDir = () => fs.rmSync(dir, { recursive: true, force: true });
  if (engine === 'sqlite') {
    return {
      target: path.join(dir, 'test.sqlite'),
      engine,
      dir,
      drop: async () => rmDir(),
    };
  }
  const name = `ptce_t${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
  for (let attempt = 1; ; attempt++) {
    try {
      await adminQuery(`CREATE DATABASE ${name} TEMPLATE ${TEMPLATE_DB}`);
      break;
    } catch (err) {
      // Two copies of the template at once: one waits for the other.
      if (attempt >= 20 || !/being accessed by other users/.test(String(err))) throw err;
      await new Promise((r) => setTimeout(r, 50 * attempt));
    }
  }
  return {
    target: withDatabase(process.env.PTCE_TEST_PG_ADMIN_URL!, name),
    engine,
    dir,
    drop: async () => {
      rmDir();
      await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}
