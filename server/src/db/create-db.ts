import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect, sql } from 'kysely';
import type { Database } from './database';

export interface OpenedDb {
  db: Kysely<Database>;
  /** The raw handle, for the few things Kysely does not do (online backup, checkpoints). */
  sqlite: SQLite.Database;
  /** True when the file did not exist before this call. */
  created: boolean;
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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, sqlite, created };
}

/**
 * A second, read-only connection on `file` in one read transaction: every query sees the same
 * snapshot (WAL), writers are never blocked and the API's own connection is never held. For
 * long reads such as exports. `close()` ends the transaction and the connection.
 */
export async function openSnapshot(
  file: string,
): Promise<{ db: Kysely<Database>; close: () => Promise<void> }> {
  const sqlite = new SQLite(file, { readonly: true, fileMustExist: true });
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
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
