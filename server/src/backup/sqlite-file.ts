import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';

export type SqliteFile = SQLite.Database;

/**
 * Opens an existing SQLite file (never creates one) with the raw driver, for the file-level
 * work Kysely does not do: online backup, integrity checks, locks. `readonly` opens it
 * read-only (reading a WAL database another process writes to is fine); `timeout` is the busy
 * timeout in ms (default 5000). Throws when the file is missing or not a database.
 */
export function openSqliteFile(
  file: string,
  opts: { readonly?: boolean; timeout?: number } = {},
): SqliteFile {
  return new SQLite(file, {
    fileMustExist: true,
    readonly: opts.readonly ?? false,
    timeout: opts.timeout ?? 5000,
  });
}

/** The problems `PRAGMA integrity_check` reports: empty when the database is sound. */
export function integrityProblems(db: SqliteFile): string[] {
  const rows = db.pragma('integrity_check') as Array<{ integrity_check: string }>;
  const lines = rows.map((r) => r.integrity_check);
  return lines.length === 1 && lines[0] === 'ok' ? [] : lines;
}

/** The SQLite error code of a driver error (`SQLITE_BUSY`, `SQLITE_NOTADB`…), if any. */
export function sqliteCode(err: unknown): string | undefined {
  const code = (err as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
}

/** Flushes a file, or a folder's entries (after a rename), to disk. */
export function fsyncPath(file: string): void {
  const fd = fs.openSync(file, 'r');
  try {
    fs.fsyncSync(fd);
  } finally {
    fs.closeSync(fd);
  }
}

/** Renames `from` to `to` and makes the rename durable. Both must be in the same folder. */
export function durableRename(from: string, to: string): void {
  fs.renameSync(from, to);
  fsyncPath(path.dirname(path.resolve(to)));
}

/** SQLite's side files of a database file. */
export const SIDE_SUFFIXES = ['-wal', '-shm', '-journal'] as const;

/** Removes a database file and its side files, ignoring missing ones. */
export function removeDatabaseFiles(file: string): void {
  for (const f of [file, ...SIDE_SUFFIXES.map((s) => file + s)]) fs.rmSync(f, { force: true });
}
