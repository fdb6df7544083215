import {
  integrityProblems,
  openSqliteFile,
  type SqliteFile,
} from '@ptce/server/backup/sqlite-file';
import { connect } from '@ptce/server/db/create-db';
import type { Database } from '@ptce/server/db/database';
import { testEngine } from '@ptce/server/test-support/test-database';
import { type Kysely, sql } from 'kysely';
import { databaseTarget } from './start-server';

// The database a test's server ran on, named by its `dbFile` (tests/support/start-server.ts):
// the SQLite file itself, or on PostgreSQL (the `node-pg` project) the database of the test
// cluster made for that path. Read with the server's own `connect`, so that values come back
// as the application reads them (times as ISO strings, flags as 0/1, integers as numbers).

/**
 * Runs `fn` on a read-only connection to the database `file` (a running server may keep
 * writing it: WAL readers see the last commit). better-sqlite3 lives in the server package; its
 * backup module opens files for us, so nothing here needs to resolve the driver itself.
 */
function withReadOnly<T>(file: string, fn: (db: SqliteFile) => T): T {
  const db = openSqliteFile(file, { readonly: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

const onPostgres = () => testEngine() === 'postgres';

/**
 * What an app server on PostgreSQL writes on a request that changes no data, the state the
 * servers on one database share (docs/decisions.md, "Several servers on one database"):
 * data_versions, bumped after any request that may have written (all but reads and 4xx
 * refusals: a dry run, a 503 refusal too); login_throttle, the failed-login counters (kept in
 * memory on SQLite); the settings row of the login device cookies' key, written by the first
 * server that needs it. A test of what a refused request left unchanged leaves them out on
 * PostgreSQL only: on SQLite nothing writes them, and they are compared as the rest.
 */
const SHARED_STATE = new Set(['data_versions', 'login_throttle']);
const SHARED_SETTINGS = new Set(['login_device_key']);
export const isSharedStateTable = (table: string) => onPostgres() && SHARED_STATE.has(table);

/** `tables` (from readTables) without the servers' shared state on PostgreSQL. */
export function withoutSharedState(tables: Record<string, unknown[]>): Record<string, unknown[]> {
  if (!onPostgres()) return tables;
  const out = Object.fromEntries(Object.entries(tables).filter(([t]) => !SHARED_STATE.has(t)));
  if (out.settings)
    out.settings = out.settings.filter(
      (row) => !SHARED_SETTINGS.has(String((row as { key?: unknown }).key)),
    );
  return out;
}

/** Runs `fn` on a connection to `dbFile`'s PostgreSQL database, closed after. */
async function withPostgres<T>(dbFile: string, fn: (db: Kysely<Database>) => Promise<T>) {
  const { db } = connect(databaseTarget(dbFile), 1);
  try {
    return await fn(db);
  } finally {
    await db.destroy();
  }
}

/** The application's tables on PostgreSQL (schema public), Kysely's migration tables included. */
async function pgTables(db: Kysely<Database>): Promise<string[]> {
  const rows = await sql<{ name: string }>`SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
    ORDER BY table_name COLLATE "C"`.execute(db);
  return rows.rows.map((r) => r.name);
}

/** Every row of `table`, sorted by every column (heap order means nothing). */
async function pgRows(db: Kysely<Database>, table: string): Promise<unknown[]> {
  const columns = await sql<{ n: number }>`SELECT count(*) AS n FROM information_schema.columns
    WHERE table_schema = 'public' AND table_name = ${table}`.execute(db);
  const order = Array.from({ length: Number(columns.rows[0]!.n) }, (_, i) => i + 1).join(', ');
  const rows = await sql`SELECT * FROM ${sql.id(table)} ORDER BY ${sql.raw(order)}`.execute(db);
  return rows.rows;
}

/** The tables whose rows no UPDATE or DELETE may touch (their migrations' `appendOnly`). */
const APPEND_ONLY = ['narrative_history', 'period_events', 'target_history', 'value_history'];

/**
 * `dbFile`'s database checked whole: `['ok']` when sound, else the problems found.
 *
 * SQLite: what `PRAGMA integrity_check` reports (pages, indexes, constraints of the file).
 *
 * PostgreSQL (the cluster is not the one under test: nothing checks its pages, `amcheck` aside):
 * what the application's writes could have left wrong, read from the tables' heaps (index scans
 * off) — every table reads in full; no row breaks a foreign key (each checked by an anti-join,
 * NULL keys aside); no two rows share a primary or unique key; every index is valid and ready
 * (no CREATE INDEX left half-built); and the append-only tables keep their enabled triggers
 * refusing UPDATE and DELETE.
 */
export async function integrityCheck(dbFile: string): Promise<string[]> {
  if (!onPostgres())
    return withReadOnly(dbFile, (db) => {
      const problems = integrityProblems(db);
      return problems.length === 0 ? ['ok'] : problems;
    });
  return withPostgres(dbFile, async (db) => {
    const problems: string[] = [];
    await db.connection().execute(async (conn) => {
      for (const setting of ['enable_indexscan', 'enable_indexonlyscan', 'enable_bitmapscan'])
        await sql`SELECT set_config(${setting}, 'off', false)`.execute(conn);
      for (const table of await pgTables(conn)) await pgRows(conn, table);
      const constraints = await sql<{
        name: string;
        table: string;
        type: 'f' | 'p' | 'u';
        columns: string[];
        target: string | null;
        targetColumns: string[] | null;
      }>`SELECT c.conname AS name, t.relname AS table, c.contype AS type,
          ARRAY(SELECT a.attname::text FROM unnest(c.conkey) WITH ORDINALITY k(n, i)
            JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.n ORDER BY k.i) AS columns,
          r.relname AS target,
          ARRAY(SELECT a.attname::text FROM unnest(c.confkey) WITH ORDINALITY k(n, i)
            JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.n ORDER BY k.i)
            AS "targetColumns"
        FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
        JOIN pg_namespace s ON s.oid = t.relnamespace LEFT JOIN pg_class r ON r.oid = c.confrelid
        WHERE s.nspname = 'public' AND c.contype IN ('f', 'p', 'u')
        ORDER BY t.relname, c.conname`.execute(conn);
      for (const c of constraints.rows) {
        const cols = c.columns.map((x) => sql.ref(`x.${x}`));
        if (c.type === 'f') {
          const join = c.columns.map(
            (x, i) => sql`${sql.ref(`x.${x}`)} = ${sql.ref(`y.${c.targetColumns![i]}`)}`,
          );
          const orphans = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.id(c.table)} x
            WHERE ${sql.join(
              cols.map((col) => sql`${col} IS NOT NULL`),
              sql` AND `,
            )}
            AND NOT EXISTS (SELECT 1 FROM ${sql.id(c.target!)} y WHERE ${sql.join(join, sql` AND `)})`.execute(
            conn,
          );
          const n = Number(orphans.rows[0]!.n);
          if (n > 0) problems.push(`${c.table}: ${n} rows break foreign key ${c.name}`);
        } else {
          const dupes = await sql<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM
            ${sql.id(c.table)} x WHERE ${sql.join(
              cols.map((col) => sql`${col} IS NOT NULL`),
              sql` AND `,
            )}
            GROUP BY ${sql.join(cols)} HAVING count(*) > 1) d`.execute(conn);
          const n = Number(dupes.rows[0]!.n);
          if (n > 0) problems.push(`${c.table}: ${n} keys of ${c.name} held by several rows`);
        }
      }
      const invalid = await sql<{ name: string }>`SELECT i.relname AS name FROM pg_index x
        JOIN pg_class i ON i.oid = x.indexrelid JOIN pg_namespace s ON s.oid = i.relnamespace
        WHERE s.nspname = 'public' AND NOT (x.indisvalid AND x.indisready AND x.indislive)`.execute(
        conn,
      );
      for (const r of invalid.rows) problems.push(`index ${r.name} is not valid`);
      const triggers = await sql<{ table: string; name: string }>`SELECT c.relname AS table,
          t.tgname AS name FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
        JOIN pg_proc p ON p.oid = t.tgfoid
        WHERE NOT t.tgisinternal AND t.tgenabled <> 'D' AND p.proname = 'ptce_append_only'`.execute(
        conn,
      );
      const present = new Set(triggers.rows.map((r) => `${r.table}.${r.name}`));
      for (const table of APPEND_ONLY)
        for (const op of ['update', 'delete'])
          if (!present.has(`${table}.${table}_no_${op}`))
            problems.push(`${table}: no enabled trigger refusing ${op.toUpperCase()}`);
    });
    return problems.length === 0 ? ['ok'] : problems;
  });
}

/**
 * Every table → its rows, sorted by every column: comparable as is. On SQLite every table of
 * the file (SQLite's own included); on PostgreSQL every table of schema public.
 */
export async function readTables(dbFile: string): Promise<Record<string, unknown[]>> {
  if (onPostgres())
    return withPostgres(dbFile, async (db) => {
      const out: Record<string, unknown[]> = {};
      for (const t of await pgTables(db)) out[t] = await pgRows(db, t);
      return out;
    });
  return withReadOnly(dbFile, (db) => {
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name")
      .pluck()
      .all() as string[];
    const out: Record<string, unknown[]> = {};
    for (const t of tables) {
      const columns = (db.pragma(`table_info("${t}")`) as Array<{ cid: number }>).map(
        (c) => c.cid + 1,
      );
      out[t] = db.prepare(`SELECT * FROM "${t}" ORDER BY ${columns.join(', ')}`).all();
    }
    return out;
  });
}

/** A stored cell as the database has it, keyed `pole|scope|indicator|period|slice`. */
export interface StoredCell {
  value: number | null;
  version: number;
  /** Its history rows, oldest first. */
  history: Array<{ oldValue: number | null; newValue: number | null; version: number }>;
}

export const cellKey = (...parts: string[]) => parts.join('|');

type ValueRow = Record<string, string> & { value: number | null; version: number };
type HistoryRow = Record<string, string> & {
  oldValue: number | null;
  newValue: number | null;
  version: number;
};

const CELL_OF = `p.slug AS pole, g.slug AS scope, x.indicator_code AS indicator,
      x.period AS period, x.slice AS slice`;
// Quoted aliases: PostgreSQL folds unquoted names to lower case (SQLite reads them alike).
const VALUES_SQL = `SELECT ${CELL_OF}, x.value, x.version FROM "values" x
        JOIN poles p ON p.id = x.pole_id JOIN working_groups g ON g.id = x.group_id`;
const HISTORY_SQL = `SELECT ${CELL_OF}, x.old_value AS "oldValue", x.new_value AS "newValue",
        x.version FROM value_history x JOIN poles p ON p.id = x.pole_id
        JOIN working_groups g ON g.id = x.group_id ORDER BY x.id`;

/** The value rows and the history rows (in id order) of `dbFile`'s database. */
async function cellRows(dbFile: string): Promise<{ values: ValueRow[]; history: HistoryRow[] }> {
  if (onPostgres())
    return withPostgres(dbFile, (db) =>
      // One snapshot for both reads: a running server may be writing.
      db
        .transaction()
        .setIsolationLevel('repeatable read')
        .execute(async (trx) => ({
          values: (await sql<ValueRow>`${sql.raw(VALUES_SQL)}`.execute(trx)).rows,
          history: (await sql<HistoryRow>`${sql.raw(HISTORY_SQL)}`.execute(trx)).rows,
        })),
    );
  return withReadOnly(dbFile, (db) => ({
    values: db.prepare(VALUES_SQL).all() as ValueRow[],
    history: db.prepare(HISTORY_SQL).all() as HistoryRow[],
  }));
}

/**
 * Reads every value row with its history and returns the cells and the ways they disagree: each
 * value row has history versions 1…version, each row's old value is the previous row's new
 * value, and the last row holds the current value and version. No history without a value row.
 */
export async function readCells(
  dbFile: string,
): Promise<{ cells: Map<string, StoredCell>; problems: string[] }> {
  const { values, history } = await cellRows(dbFile);
  const key = (r: Record<string, unknown>) =>
    cellKey(...['pole', 'scope', 'indicator', 'period', 'slice'].map((k) => String(r[k])));
  const cells = new Map<string, StoredCell>();
  for (const v of values) cells.set(key(v), { value: v.value, version: v.version, history: [] });
  const problems: string[] = [];
  for (const h of history) {
    const cell = cells.get(key(h));
    if (!cell) problems.push(`${key(h)}: history without a value row`);
    else cell.history.push({ oldValue: h.oldValue, newValue: h.newValue, version: h.version });
  }
  for (const [k, c] of cells) {
    const versions = c.history.map((h) => h.version).join(',');
    const expected = Array.from({ length: c.version }, (_, i) => i + 1).join(',');
    if (versions !== expected)
      problems.push(`${k}: history versions [${versions}], version ${c.version}`);
    const last = c.history.at(-1);
    if (last && last.newValue !== c.value)
      problems.push(`${k}: value ${c.value} but last history row ${last.newValue}`);
    for (let i = 1; i < c.history.length; i++)
      if (c.history[i]!.oldValue !== c.history[i - 1]!.newValue)
        problems.push(`${k}: history row ${i + 1} starts from ${c.history[i]!.oldValue}`);
  }
  return { cells, problems: problems.slice(0, 20) };
}
