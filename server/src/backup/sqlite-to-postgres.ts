import crypto from 'node:crypto';
import fs from 'node:fs';
import { CompiledQuery, type Kysely, sql } from 'kysely';
import type { Database } from '../db/database';
import { migrateToLatest } from '../db/migrate';
import { MIGRATIONS } from '../db/migrations/index';
import { isPostgresUrl, openPostgres } from '../db/postgres';
import { BackupError } from './backup-error';
import { openSqliteFile, type SqliteFile, sqliteCode } from './sqlite-file';

// `pnpm migrate-to-postgres`: copies a SQLite instance into an empty PostgreSQL database, every
// table of the schema, ids kept, in one transaction on the target, checked table by table (row
// count and SHA-256 of the rows as the application reads them) before it commits. The design is
// in docs/decisions.md, "Moving an instance to PostgreSQL".

/** Kysely's own tables: the target has its own, written by its migration. */
const isMigrationTable = (name: string) => name.startsWith('kysely_migration');

/** The application name the app servers connect with (db/postgres.ts). */
const APP_NAME = 'ptce-suivi';
const TOOL_NAME = 'ptce-suivi migrate-to-postgres';

const quoteIdent = (name: string) => `"${name.replace(/"/g, '""')}"`;

export interface TableShape {
  name: string;
  /** Columns in the source's order. */
  columns: string[];
  /** The primary key's columns (every column when there is none): the checksum's order. */
  orderBy: string[];
}

interface TableReport {
  table: string;
  rows: number;
  targetRows: number;
  checksum: string;
  targetChecksum: string;
  ok: boolean;
}

export interface CopyResult {
  tables: TableReport[];
  ok: boolean;
  /** Rows copied, every table. */
  rows: number;
  ms: number;
}

/**
 * A running SHA-256 over rows, each row the JSON array of its values in column order, as the
 * application reads them (numbers, strings, null; 0/1 flags; ISO times). Both sides feed it in
 * primary-key order, so equal digests mean equal tables.
 */
export class RowHasher {
  private readonly hash = crypto.createHash('sha256');
  rows = 0;
  add(values: readonly unknown[]): void {
    this.hash.update(
      JSON.stringify(values, (_k, v) =>
        typeof v === 'number' && !Number.isFinite(v) ? { number: String(v) } : v,
      ),
    );
    this.hash.update('\n');
    this.rows++;
  }
  digest(): string {
    return this.hash.digest('hex');
  }
}

// ---------------------------------------------------------------------------------------------
// The source: a SQLite file, held alone for the whole copy.

export interface SqliteSource {
  sqlite: SqliteFile;
  tables: TableShape[];
  /** SQLite's AUTOINCREMENT counters (sqlite_sequence): ids never handed out again. */
  sequences: Map<string, number>;
  close: () => void;
}

/**
 * Opens the SQLite database `file` for the copy: refuses a missing file, one a server has open
 * (stop it first: rows written after the copy would be lost), one not at this version's latest
 * migration. Takes SQLite's exclusive lock and a read transaction held until `close`: one state
 * of the database is copied and nothing else can open it meanwhile. Nothing is written.
 */
export function openSqliteSource(file: string): SqliteSource {
  if (isPostgresUrl(file)) throw new BackupError(`--from must be a SQLite file, not ${file}`);
  if (!fs.existsSync(file)) throw new BackupError(`no SQLite database at ${file}`);
  let sqlite: SqliteFile;
  try {
    sqlite = openSqliteFile(file, { timeout: 0 });
  } catch (err) {
    throw new BackupError(`${file} is not a readable database: ${(err as Error).message}`);
  }
  try {
    try {
      // An idle server connection keeps a shared lock on the file: exclusive locking mode
      // needs the file to itself (as restore-database.ts).
      sqlite.pragma('locking_mode = EXCLUSIVE');
      sqlite.exec('BEGIN EXCLUSIVE');
    } catch (err) {
      const code = sqliteCode(err);
      if (code?.startsWith('SQLITE_BUSY') || code?.startsWith('SQLITE_LOCKED'))
        throw new BackupError(
          `${file} is in use (is the server running?): stop the server, then copy`,
        );
      throw new BackupError(`${file} is not a readable database: ${(err as Error).message}`);
    }
    checkSourceMigrations(sqlite, file);
    const names = (
      sqlite
        .prepare(
          "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name",
        )
        .all() as Array<{ name: string }>
    )
      .map((r) => r.name)
      .filter((n) => !isMigrationTable(n));
    const tables = names.map((name) => {
      const info = sqlite.pragma(`table_info(${quoteIdent(name)})`) as Array<{
        name: string;
        pk: number;
      }>;
      const pk = info
        .filter((c) => c.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((c) => c.name);
      const columns = info.map((c) => c.name);
      return { name, columns, orderBy: pk.length > 0 ? pk : columns };
    });
    const sequences = new Map<string, number>();
    const hasSequences = sqlite
      .prepare("SELECT 1 FROM sqlite_schema WHERE name = 'sqlite_sequence'")
      .get();
    if (hasSequences)
      for (const r of sqlite.prepare('SELECT name, seq FROM sqlite_sequence').all() as Array<{
        name: string;
        seq: number;
      }>)
        sequences.set(r.name, r.seq);
    return {
      sqlite,
      tables: foreignKeyOrder(sqlite, tables),
      sequences,
      close: () => {
        try {
          if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
        } finally {
          sqlite.close();
        }
      },
    };
  } catch (err) {
    sqlite.close();
    throw err;
  }
}

function checkSourceMigrations(sqlite: SqliteFile, file: string): void {
  const known = Object.keys(MIGRATIONS).sort();
  const hasTable = sqlite
    .prepare("SELECT 1 FROM sqlite_schema WHERE type = 'table' AND name = 'kysely_migration'")
    .get();
  if (!hasTable) throw new BackupError(`${file} is not a ptce-suivi database (no migrations)`);
  const applied = (
    sqlite.prepare('SELECT name FROM kysely_migration ORDER BY name').all() as Array<{
      name: string;
    }>
  ).map((r) => r.name);
  const unknown = applied.filter((n) => !known.includes(n));
  if (unknown.length > 0)
    throw new BackupError(
      `${file} was migrated by a newer version of ptce-suivi (${unknown.join(', ')}): copy it with that version`,
    );
  const pending = known.filter((n) => !applied.includes(n));
  if (pending.length > 0)
    throw new BackupError(
      `${file} is not at this version's schema (${pending.length} migration(s) pending, first ${pending[0]}): start this version of the server once on it (it migrates the database as it starts), stop it, then copy`,
    );
}

/** Tables in an order where every table comes after the tables its foreign keys point to. */
function foreignKeyOrder(sqlite: SqliteFile, tables: TableShape[]): TableShape[] {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const deps = new Map(
    tables.map((t) => {
      const fks = sqlite.pragma(`foreign_key_list(${quoteIdent(t.name)})`) as Array<{
        table: string;
      }>;
      return [t.name, new Set(fks.map((f) => f.table).filter((n) => n !== t.name))];
    }),
  );
  const out: TableShape[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (name: string, path: string[]) => {
    if (state.get(name) === 'done') return;
    if (state.get(name) === 'visiting')
      throw new BackupError(`foreign keys form a cycle: ${[...path, name].join(' → ')}`);
    state.set(name, 'visiting');
    for (const d of deps.get(name) ?? []) if (byName.has(d)) visit(d, [...path, name]);
    state.set(name, 'done');
    out.push(byName.get(name)!);
  };
  for (const t of tables) visit(t.name, []);
  return out;
}

// ---------------------------------------------------------------------------------------------
// The target: a PostgreSQL database, empty.

/** Kysely over a small pool of its own, named apart from the app servers' connections. */
function openPostgresTarget(url: string): Kysely<Database> {
  if (!isPostgresUrl(url))
    throw new BackupError(`--to must be a postgres:// or postgresql:// URL, not ${url}`);
  // The app's own pool: its parsers read the rows back as the application does.
  return openPostgres(url, { max: 2, applicationName: TOOL_NAME }).db;
}

// biome-ignore lint/suspicious/noExplicitAny: tables are named at run time.
type AnyDb = Kysely<any>;

/** The base tables of the target's current schema. */
async function targetTables(db: AnyDb): Promise<string[]> {
  const { rows } = await sql<{ name: string }>`SELECT table_name AS name
    FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`.execute(
    db,
  );
  return rows.map((r) => r.name);
}

/**
 * Why the target cannot receive the copy, or null when it can: a table that is not
 * ptce-suivi's, an application table with rows (was a server started on it?), a server
 * connected to it.
 */
/**
 * Tables that hold no data of an instance, only the servers' bookkeeping, which a migration
 * seeds (data_versions: the caches' versions and their counter row): their rows do not make a
 * target "not empty", and the source's replace them.
 */
const BOOKKEEPING = new Set(['data_versions']);

async function targetProblem(db: AnyDb, appTables: string[]): Promise<string | null> {
  const { rows: servers } = await sql<{ n: number }>`SELECT count(*)::int AS n
    FROM pg_stat_activity
    WHERE datname = current_database() AND application_name = ${APP_NAME}`.execute(db);
  if ((servers[0]?.n ?? 0) > 0)
    return `${servers[0]!.n} connection(s) of a ptce-suivi server are open on the target: stop every server using it first`;
  const present = await targetTables(db);
  const app = new Set(appTables);
  const foreign = present.filter((t) => !app.has(t) && !isMigrationTable(t));
  if (foreign.length > 0)
    return `the target holds tables that are not ptce-suivi's (${foreign.slice(0, 10).join(', ')}): give an empty database (createdb <name>)`;
  const withRows: string[] = [];
  for (const t of present.filter((name) => app.has(name) && !BOOKKEEPING.has(name))) {
    const { rows } = await sql<{
      any: number;
    }>`SELECT count(*)::int AS any FROM (SELECT 1 FROM ${sql.table(t)} LIMIT 1) x`.execute(db);
    if ((rows[0]?.any ?? 0) > 0) withRows.push(t);
  }
  if (withRows.length > 0)
    return `the target is not empty: ${withRows.slice(0, 10).join(', ')} hold rows (was a server started on it, or a copy done already?): give an empty database (createdb <name>)`;
  return null;
}

/** Rows per INSERT: one parameter per column (an array of the batch's values), any count. */
const BATCH_ROWS = 5000;

/**
 * One INSERT of `rows` as `SELECT * FROM unnest($1::type[], $2::type[], …)`: one array
 * parameter per column, the statement's size independent of the batch's, several times faster
 * than a VALUES list of one parameter per value. Values go as the application writes them
 * (PostgreSQL reads `1`/`0` as booleans, ISO strings as timestamptz).
 */
function insertStatement(table: TableShape, types: string[], rows: unknown[][]): CompiledQuery {
  const arrays = table.columns.map((_c, i) => `$${i + 1}::${types[i]}[]`);
  const text = `INSERT INTO ${quoteIdent(table.name)} (${table.columns.map(quoteIdent).join(',')}) SELECT * FROM unnest(${arrays.join(',')})`;
  return CompiledQuery.raw(
    text,
    table.columns.map((_c, i) => rows.map((r) => r[i])),
  );
}

/** Copies one table; returns the source's row count and checksum. */
async function copyTable(
  source: SqliteSource,
  conn: AnyDb,
  table: TableShape,
  types: string[],
): Promise<RowHasher> {
  const hasher = new RowHasher();
  const stmt = source.sqlite
    .prepare(
      `SELECT ${table.columns.map(quoteIdent).join(',')} FROM ${quoteIdent(table.name)} ORDER BY ${table.orderBy.map(quoteIdent).join(',')}`,
    )
    .raw(true);
  let batch: unknown[][] = [];
  for (const row of stmt.iterate() as IterableIterator<unknown[]>) {
    hasher.add(row);
    batch.push(row);
    if (batch.length >= BATCH_ROWS) {
      await conn.executeQuery(insertStatement(table, types, batch));
      batch = [];
    }
  }
  if (batch.length > 0) await conn.executeQuery(insertStatement(table, types, batch));
  return hasher;
}

/** The checksum of `table` on `db` (either engine, through Kysely), as RowHasher. */
export async function tableChecksum(db: AnyDb, table: TableShape): Promise<RowHasher> {
  const hasher = new RowHasher();
  let query = db.selectFrom(table.name).select(table.columns);
  for (const c of table.orderBy) query = query.orderBy(c);
  for await (const row of query.stream(2000))
    hasher.add(table.columns.map((c) => (row as Record<string, unknown>)[c]));
  return hasher;
}

/** Identity sequences continue after the highest id copied (or SQLite's counter, if higher). */
async function resetSequences(conn: AnyDb, source: SqliteSource): Promise<void> {
  const { rows } = await sql<{ table: string; column: string }>`SELECT table_name AS "table",
      column_name AS "column" FROM information_schema.columns
    WHERE table_schema = current_schema() AND is_identity = 'YES'`.execute(conn);
  for (const { table, column } of rows) {
    const { rows: max } = await sql<{ max: number | null }>`SELECT max(${sql.ref(column)}) AS max
      FROM ${sql.table(table)}`.execute(conn);
    const last = Math.max(max[0]?.max ?? 0, source.sequences.get(table) ?? 0);
    const seq = sql`pg_get_serial_sequence(${quoteIdent(table)}, ${column})`;
    if (last > 0) await sql`SELECT setval(${seq}, ${last}, true)`.execute(conn);
    else await sql`SELECT setval(${seq}, 1, false)`.execute(conn);
  }
}

/**
 * Copies the SQLite instance `from` into the empty PostgreSQL database `to`: migrates the
 * target to the latest schema (the app's own migrations), then in ONE transaction copies every
 * table of the schema in foreign-key order with its ids, moves the identity sequences past the
 * copied ids and compares each table's row count and checksum on both sides; any difference
 * rolls everything back (the target is left migrated and empty). Refuses (BackupError) a source
 * in use or not at the latest migration, a target that is not empty or has a server on it.
 */
export async function copySqliteToPostgres(from: string, to: string): Promise<CopyResult> {
  const started = performance.now();
  const source = openSqliteSource(from);
  const db = openPostgresTarget(to);
  try {
    const names = source.tables.map((t) => t.name);
    const before = await targetProblem(db, names).catch((err: Error) => {
      throw new BackupError(`cannot reach the target: ${err.message}`);
    });
    if (before) throw new BackupError(before);
    const migration = await migrateToLatest(db);
    if (migration.error)
      throw new BackupError(`migrating the target failed: ${String(migration.error)}`);
    const present = new Set((await targetTables(db)).filter((t) => !isMigrationTable(t)));
    const missing = names.filter((t) => !present.delete(t));
    if (missing.length > 0 || present.size > 0)
      throw new BackupError(
        `the schemas differ: only on SQLite ${missing.join(', ') || '-'}; only on PostgreSQL ${[...present].join(', ') || '-'}`,
      );
    const columnTypes = new Map<string, string[]>();
    for (const t of source.tables) {
      const { rows } = await sql<{ name: string; type: string }>`SELECT a.attname AS name,
          format_type(a.atttypid, a.atttypmod) AS type
        FROM pg_attribute a
        WHERE a.attrelid = ${quoteIdent(t.name)}::regclass AND a.attnum > 0
          AND NOT a.attisdropped`.execute(db);
      const typeOf = new Map(rows.map((r) => [r.name, r.type]));
      columnTypes.set(
        t.name,
        t.columns.map((c) => typeOf.get(c) ?? 'text'),
      );
      const pgCols = rows.map((r) => r.name).sort();
      if (pgCols.join(',') !== [...t.columns].sort().join(','))
        throw new BackupError(
          `the columns of ${t.name} differ: SQLite ${t.columns.join(', ')}; PostgreSQL ${pgCols.join(', ')}`,
        );
    }

    const tables = await db.connection().execute(async (conn) => {
      await sql`BEGIN`.execute(conn);
      try {
        // Nothing else writes to these tables until the copy commits or rolls back.
        await sql`LOCK TABLE ${sql.join(names.map((n) => sql.table(n)))} IN EXCLUSIVE MODE`.execute(
          conn,
        );
        const problem = await targetProblem(conn, names);
        if (problem) throw new BackupError(problem);
        // The bookkeeping rows the migrations write give way to the source's.
        for (const t of BOOKKEEPING)
          if (names.includes(t)) await sql`DELETE FROM ${sql.table(t)}`.execute(conn);
        const copied = new Map<string, RowHasher>();
        for (const t of source.tables)
          copied.set(t.name, await copyTable(source, conn, t, columnTypes.get(t.name)!));
        await resetSequences(conn, source);
        const reports: TableReport[] = [];
        for (const t of source.tables) {
          const src = copied.get(t.name)!;
          const dst = await tableChecksum(conn, t);
          const checksum = src.digest();
          const targetChecksum = dst.digest();
          reports.push({
            table: t.name,
            rows: src.rows,
            targetRows: dst.rows,
            checksum,
            targetChecksum,
            ok: src.rows === dst.rows && checksum === targetChecksum,
          });
        }
        if (reports.every((r) => r.ok)) await sql`COMMIT`.execute(conn);
        else await sql`ROLLBACK`.execute(conn);
        return reports;
      } catch (err) {
        await sql`ROLLBACK`.execute(conn).catch(() => undefined);
        throw err;
      }
    });
    const ok = tables.every((t) => t.ok);
    // As after any bulk load: the planner's statistics and the visibility map (index-only scans)
    // now, rather than from autovacuum in the middle of the first hours of use.
    if (ok) for (const t of tables) await sql`VACUUM (ANALYZE) ${sql.table(t.table)}`.execute(db);
    return {
      tables,
      ok,
      rows: tables.reduce((s, t) => s + t.rows, 0),
      ms: performance.now() - started,
    };
  } finally {
    source.close();
    await db.destroy();
  }
}
