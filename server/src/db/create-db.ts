import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, sqlite, created };
}
