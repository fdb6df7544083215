import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { BackupError } from './backup-error';
import { durableRename, fsyncPath } from './sqlite-file';

// `pnpm backup` / `pnpm restore` on PostgreSQL (PTCE_DATABASE_URL set): PostgreSQL's own tools,
// pg_dump's custom format (one compressed file, one consistent snapshot taken while the servers
// keep running) and pg_restore in one transaction. The checks around them are the SQLite
// backups' (backup-database.ts, restore-database.ts): a complete file or none, a ptce-suivi
// archive only, no restore over a database in use.

type Tool = 'pg_dump' | 'pg_restore';

export interface ToolSearch {
  /** Debian's server folders (`<base>/<version>/bin`), newest first. */
  base?: string;
  /** The PATH searched after them. */
  pathEnv?: string;
}

/**
 * Where `tool` is: the newest `/usr/lib/postgresql/<n>/bin` that has it (pg_dump must be at
 * least the server's version), else the PATH. Throws a BackupError saying what to install.
 */
export function findPgTool(tool: Tool, opts: ToolSearch = {}): string {
  const base = opts.base ?? '/usr/lib/postgresql';
  if (fs.existsSync(base)) {
    const versions = fs
      .readdirSync(base)
      .filter((v) => fs.existsSync(path.join(base, v, 'bin', tool)))
      .sort((a, b) => Number(b) - Number(a));
    if (versions[0]) return path.join(base, versions[0], 'bin', tool);
  }
  for (const dir of (opts.pathEnv ?? process.env.PATH ?? '').split(path.delimiter)) {
    if (!dir) continue;
    const candidate = path.join(dir, tool);
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  throw new BackupError(
    `${tool} is missing: install PostgreSQL's client tools, of the server's major version or newer ("sudo apt-get install -y postgresql-client" on Debian/Ubuntu), then run this again`,
  );
}

/** The URL without its password, and the password apart (PGPASSWORD: not on the command line). */
function splitPassword(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const u = new URL(url);
  const env: NodeJS.ProcessEnv = { ...process.env };
  if (u.password) {
    env.PGPASSWORD = decodeURIComponent(u.password);
    u.password = '';
  }
  return { dbname: u.toString(), env };
}

function run(tool: Tool, args: string[], env: NodeJS.ProcessEnv): string {
  const res = spawnSync(findPgTool(tool), args, {
    encoding: 'utf8',
    env,
    maxBuffer: 256 * 1024 * 1024,
  });
  if (res.error) throw new BackupError(`${tool} could not run: ${res.error.message}`);
  if (res.status !== 0)
    throw new BackupError(
      `${tool} failed (${res.status ?? res.signal}): ${(res.stderr || res.stdout).trim().slice(0, 2000)}`,
    );
  return res.stdout;
}

/** The tables whose data a ptce-suivi archive must hold. */
const REQUIRED = ['settings', 'values', 'value_history'];

/** Fails unless `file` is a pg_dump archive of a ptce-suivi database; returns its tables. */
export function checkArchive(file: string): string[] {
  let list: string;
  try {
    list = run('pg_restore', ['--list', file], process.env);
  } catch (err) {
    if (err instanceof BackupError && /is missing/.test(err.message)) throw err;
    throw new BackupError(
      `${file} is not a readable pg_dump archive: ${(err as Error).message.slice(0, 500)}`,
    );
  }
  // "<id>; <oid> <oid> TABLE DATA <schema> <table> <owner>"
  const tables = [...list.matchAll(/^\d+; \d+ \d+ TABLE DATA \S+ (\S+) /gm)].map((m) => m[1]!);
  if (!REQUIRED.every((t) => tables.includes(t)))
    throw new BackupError(`${file} is not a backup of a ptce-suivi database`);
  return tables;
}

export interface PgBackupResult {
  file: string;
  bytes: number;
  tables: number;
}

/**
 * `pg_dump --format=custom` of the database `url` to `target`, while the servers run (one
 * snapshot): written beside `target` first, checked with `pg_restore --list`, flushed and only
 * then renamed over `target` (created with its folder). Never leaves a partial `target`.
 */
export function backupPostgres(url: string, target: string): PgBackupResult {
  const file = path.resolve(target);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  const { dbname, env } = splitPassword(url);
  try {
    run('pg_dump', ['--format=custom', `--file=${tmp}`, `--dbname=${dbname}`], env);
    const tables = checkArchive(tmp);
    fsyncPath(tmp);
    durableRename(tmp, file);
    return { file, bytes: fs.statSync(file).size, tables: tables.length };
  } finally {
    fs.rmSync(tmp, { force: true });
  }
}

/** Why `url` cannot be restored into (null when it can): a server on it, tables without --clean. */
async function restoreProblem(url: string, clean: boolean): Promise<string | null> {
  const client = new pg.Client({
    connectionString: url,
    application_name: 'ptce-suivi restore',
  });
  await client.connect().catch((err: Error) => {
    throw new BackupError(`cannot reach the database: ${err.message}`);
  });
  try {
    const servers = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
       WHERE datname = current_database() AND application_name = 'ptce-suivi'`,
    );
    if (servers.rows[0]!.n > 0)
      return `the database is in use (${servers.rows[0]!.n} connection(s) of a ptce-suivi server): stop every server using it, then restore`;
    const tables = await client.query<{ name: string }>(
      `SELECT table_name AS name FROM information_schema.tables
       WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY 1`,
    );
    if (tables.rows.length > 0 && !clean)
      return `the database is not empty (${tables.rows.length} tables: ${tables.rows
        .slice(0, 5)
        .map((r) => r.name)
        .join(
          ', ',
        )}…): restore into a new empty database (createdb <name>, then point PTCE_DATABASE_URL at it), or give --clean to replace what the backup holds`;
    return null;
  } finally {
    await client.end();
  }
}

/**
 * Restores the pg_dump archive `file` into the database `url`, all or nothing
 * (`pg_restore --single-transaction`), objects owned by the URL's user (`--no-owner`,
 * `--no-acl`). Refuses a file that is not a ptce-suivi archive, a database a server is connected
 * to, and one that holds tables unless `clean` (then the backup's objects are dropped and
 * recreated: `--clean --if-exists`).
 */
export async function restorePostgres(
  file: string,
  url: string,
  opts: { clean?: boolean } = {},
): Promise<{ tables: number }> {
  if (!fs.existsSync(file)) throw new BackupError(`no backup at ${file}`);
  const tables = checkArchive(file);
  const problem = await restoreProblem(url, opts.clean ?? false);
  if (problem) throw new BackupError(problem);
  const { dbname, env } = splitPassword(url);
  run(
    'pg_restore',
    [
      '--single-transaction',
      '--exit-on-error',
      '--no-owner',
      '--no-acl',
      ...(opts.clean ? ['--clean', '--if-exists'] : []),
      `--dbname=${dbname}`,
      file,
    ],
    env,
  );
  return { tables: tables.length };
}
