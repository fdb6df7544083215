import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Database } from './database';
import type { Engine } from './engine';
import { isPostgresUrl, openPostgres } from './postgres';

export interface OpenedDb {
  db: Kysely<Database>;
  /** The raw handle, for the few things Kysely does not do (online backup, checkpoints). */
  sqlite: SQLite.Database;
  /** True when the file did not exist before this call. */
  created: boolean;
}

/** How many prepared statements a SQLite connection keeps (least recently used dropped). */
const STATEMENTS_KEPT = 256;

/**
 * Kysely's SQLite dialect over `sqlite`, whose statements are prepared once per SQL text and
 * kept (Kysely's driver prepares every query again: ~5% of a computed dashboard answer). A kept
 * statement still being iterated (a streamed select) is not handed out again: a fresh one is.
 */
function sqliteDialect(sqlite: SQLite.Database): SqliteDialect {
  const kept = new Map<string, SQLite.Statement>();
  return new SqliteDialect({
    database: {
      prepare(text: string) {
        const hit = kept.get(text);
        if (hit !== undefined && !hit.busy) {
          // Most recently used last: the first key is the one to drop.
          kept.delete(text);
          kept.set(text, hit);
          return hit;
        }
        const stmt = sqlite.prepare(text);
        if (hit === undefined) {
          kept.set(text, stmt);
          if (kept.size > STATEMENTS_KEPT) kept.delete(kept.keys().next().value!);
        }
        return stmt;
      },
      close() {
        kept.clear();
        sqlite.close();
      },
    },
  });
}

/**
 * Opens (and creates with its folder if missing) the SQLite database at `file`, or an in-memory
 * one for `:memory:`. WAL journal, synchronous FULL (an acknowledged commit is on disk),
 * foreign keys on, 5 s busy timeout. The only place that knows the driver.
 */
export function openDatabase(file: string): OpenedDb {
  const inMemory = file === ':memory:';
  const created = inMemory || !fs.existsSync(file);
  if (!inMemory) fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  const sqlite = new SQLite(file);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // A WAL grown by a large import or behind a long export is cut back to 32 MB once copied.
  sqlite.pragma('journal_size_limit = 33554432');
  const db = new Kysely<Database>({ dialect: sqliteDialect(sqlite) });
  return { db, sqlite, created };
}

/** An opened database of either engine; `sqlite` is the raw handle on SQLite only. */
export interface Connected {
  db: Kysely<Database>;
  engine: Engine;
  sqlite: SQLite.Database | null;
}

/**
 * Opens the database `target` names: a PostgreSQL connection string (`postgres://…`, a pool of
 * `poolSize` connections), else a SQLite file (or `:memory:`), as `openDatabase`.
 */
export function connect(target: string, poolSize?: number): Connected {
  if (isPostgresUrl(target)) {
    const { db } = openPostgres(target, poolSize === undefined ? {} : { max: poolSize });
    return { db, engine: 'postgres', sqlite: null };
  }
  const { db, sqlite } = openDatabase(target);
  return { db, engine: 'sqlite', sqlite };
}

/**
 * One read-only REPEATABLE READ transaction on a connection of its own: every query sees the
 * same snapshot, writers are never blocked, rows can be streamed with a cursor.
 */
async function openPostgresSnapshot(
  url: string,
): Promise<{ db: Kysely<Database>; close: () => Promise<void> }> {
  // One connection: BEGIN, the reads and COMMIT all go through it.
  const { db } = openPostgres(url, { max: 1 });
  await sql`BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY`.execute(db);
  // The snapshot is taken at the transaction's first query: take it now.
  await sql`SELECT 1 FROM settings LIMIT 1`.execute(db);
  let closed = false;
  return {
    db,
    close: async () => {
      if (closed) return;
      closed = true;
      await sql`COMMIT`.execute(db).catch(() => undefined);
      await db.destroy();
    },
  };
}

/**
 * A second, read-only connection on `file` in one read transaction: every query sees the same
 * snapshot (WAL), writers are never blocked and the API's own connection is never held. For
 * long reads such as exports. `close()` ends the transaction and the connection.
 */
export async function openSnapshot(
  file: string,
): Promise<{ db: Kysely<Database>; close: () => Promise<void> }> {
  if (isPostgresUrl(file)) return openPostgresSnapshot(file);
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: sqliteDialect(sqlite) });
  await sql`BEGIN`.execute(db);
  // The snapshot starts at the first read of the transaction: take it now.
  await sql`SELECT 1 FROM settings LIMIT 1`.execute(db);
  let closed = false;
  return {
    db,
    close: async () => {
      if (closed) return;
      closed = true;
      await sql`COMMIT`.execute(db).catch(() => undefined);
      await db.destroy();
    },
  };
}
