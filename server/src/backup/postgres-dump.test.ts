import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readEnv } from '../env';
import { openInstance } from '../instance';
import { type Cluster, startCluster } from '../test-support/pg-cluster';
import { withDatabase } from '../test-support/test-database';
import { BackupError } from './backup-error';
import { backupPostgres, checkArchive, findPgTool, restorePostgres } from './postgres-dump';

// `pnpm backup` / `pnpm restore` on PostgreSQL: pg_dump and pg_restore around the same checks
// as the SQLite file backups. Its own PostgreSQL: a throwaway cluster, or the server of
// PTCE_TEST_PG_ADMIN_URL when set.

const ROOT = path.resolve(import.meta.dirname, '../../..');
const TSX_CLI = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const NOW = new Date('2026-11-29T10:00:00Z');

let cluster: Cluster | null = null;
let admin: string;
let dir: string;
let live: string;

async function query<R extends pg.QueryResultRow>(url: string, text: string): Promise<R[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<R>(text)).rows;
  } finally {
    await client.end();
  }
}

let counter = 0;
async function newDatabase(): Promise<string> {
  const name = `ptce_dump_${process.pid}_${++counter}`;
  await query(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await query(admin, `CREATE DATABASE ${name}`);
  return withDatabase(admin, name);
}

/** Every table of the database: its rows and a digest of them, in one text. */
async function contents(url: string): Promise<Record<string, string>> {
  const tables = await query<{ name: string }>(
    url,
    `SELECT table_name AS name FROM information_schema.tables
     WHERE table_schema = 'public' AND table_type = 'BASE TABLE' ORDER BY 1`,
  );
  const out: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await query<{ n: number; sum: string }>(
      url,
      `SELECT count(*)::int AS n, md5(coalesce(string_agg(t::text, '|' ORDER BY t::text), '')) AS sum
       FROM "${name}" t`,
    );
    out[name] = `${row!.n} ${row!.sum}`;
  }
  return out;
}

/** Runs `pnpm <name> <args>` as the root package.json declares it (tsx run by this Node). */
function runScript(name: 'backup' | 'restore', args: string[], databaseUrl: string) {
  const scripts = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).scripts;
  const [bin, ...scriptArgs] = (scripts[name] as string).split(' ');
  expect(bin).toBe('tsx');
  const child = spawn(process.execPath, [TSX_CLI, ...scriptArgs, ...args], {
    cwd: ROOT,
    env: { ...process.env, PTCE_DATABASE_URL: databaseUrl, PTCE_DB: path.join(dir, 'unused') },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((resolve) =>
    child.on('close', (code) => resolve({ code, stdout, stderr })),
  );
}

beforeAll(async () => {
  const given = process.env.PTCE_TEST_PG_ADMIN_URL;
  if (!given) cluster = await startCluster();
  admin = given ?? cluster!.url;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-pgdump-'));
  live = await newDatabase();
  // The demo instance on PostgreSQL: values, history, targets, period events, accounts.
  const inst = await openInstance(readEnv({ PTCE_DATABASE_URL: live }), () => NOW);
  await inst.close();
});

afterAll(() => {
  cluster?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('pnpm backup and pnpm restore on PostgreSQL', () => {
  it('dumps a database a server is using, and restores it into a new one with the same rows', async () => {
    const expected = await contents(live);
    expect(Number(expected.values!.split(' ')[0])).toBeGreaterThan(1000);
    expect(Number(expected.value_history!.split(' ')[0])).toBeGreaterThan(1000);

    const server = await openInstance(readEnv({ PTCE_DATABASE_URL: live }), () => NOW);
    let file: string;
    try {
      file = path.join(dir, 'saves', 'ptce.dump');
      const backup = await runScript('backup', [file], live);
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      expect(backup.stdout).toMatch(/pg_dump of the PostgreSQL database written to .*ptce\.dump/);
      expect(fs.readdirSync(path.dirname(file))).toEqual(['ptce.dump']);
      expect(checkArchive(file)).toEqual(expect.arrayContaining(['values', 'sessions']));

      // A server connected to the database: no restore over it, even with --clean.
      const refused = await runScript('restore', [file, '--clean'], live);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toMatch(/in use .*stop every server using it/);
    } finally {
      await server.close();
    }

    const fresh = await newDatabase();
    const restored = await runScript('restore', [file], fresh);
    expect(restored.stderr).toBe('');
    expect(restored.code).toBe(0);
    expect(await contents(fresh)).toEqual(expected);

    // The restored database serves: its sequences continue after the restored ids.
    const inst = await openInstance(readEnv({ PTCE_DATABASE_URL: fresh }), () => NOW);
    try {
      const [{ max }] = (await query<{ max: number }>(
        fresh,
        'SELECT max(id)::int AS max FROM users',
      )) as [{ max: number }];
      const { id } = await inst.deps.db
        .insertInto('users')
        .values({
          email: 'new@test.test',
          name: 'New',
          password_hash: 'x',
          created_at: NOW.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(id).toBe(max + 1);
    } finally {
      await inst.close();
    }

    // Not empty: refused without --clean, replaced with it, all in one transaction.
    const again = await runScript('restore', [file], fresh);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/the database is not empty .*--clean/);
    const clean = await runScript('restore', [file, '--clean'], fresh);
    expect(clean.stderr).toBe('');
    expect(clean.code).toBe(0);
    expect(await contents(fresh)).toEqual(expected);
  });

  it('refuses what is not a ptce-suivi archive, and replaces a backup only with a complete one', async () => {
    const text = path.join(dir, 'notes.dump');
    fs.writeFileSync(text, 'not an archive');
    await expect(restorePostgres(text, await newDatabase())).rejects.toThrow(
      /not a readable pg_dump archive/,
    );
    await expect(restorePostgres(path.join(dir, 'missing'), live)).rejects.toThrow(/no backup at/);

    const other = await newDatabase();
    await query(other, 'CREATE TABLE other_app (x int); INSERT INTO other_app VALUES (1)');
    const foreign = path.join(dir, 'foreign.dump');
    expect(() => backupPostgres(other, foreign)).toThrow(/not a backup of a ptce-suivi database/);
    expect(fs.existsSync(foreign)).toBe(false);

    const target = path.join(dir, 'kept.dump');
    fs.writeFileSync(target, 'an older backup');
    expect(() => backupPostgres(withDatabase(admin, 'no_such_database'), target)).toThrow(
      /pg_dump failed/,
    );
    expect(fs.readFileSync(target, 'utf8')).toBe('an older backup');
    expect(fs.readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('says what to install when pg_dump is missing', () => {
    const empty = fs.mkdtempSync(path.join(dir, 'bin-'));
    let err: unknown;
    try {
      findPgTool('pg_dump', { base: path.join(empty, 'none'), pathEnv: empty });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(BackupError);
    expect(String(err)).toMatch(/pg_dump is missing: .*apt-get install -y postgresql-client/);
    expect(findPgTool('pg_restore')).toMatch(/pg_restore$/);
  });
});
