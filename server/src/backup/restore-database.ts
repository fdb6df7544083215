import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { BackupError } from './backup-error';
import {
  durableRename,
  fsyncPath,
  integrityProblems,
  openSqliteFile,
  removeDatabaseFiles,
  SIDE_SUFFIXES,
  sqliteCode,
} from './sqlite-file';

export interface RestoreResult {
  /** Absolute path of the restored database. */
  file: string;
  /** Where the replaced database was kept, or null when there was none. */
  previous: string | null;
}

/** `2026-11-29T10:15:30.123Z` → `20261129T101530Z`. */
export function fileTimestamp(at: Date): string {
  return at.toISOString().replace(/[-:]/g, '').replace(/\.\d+/, '');
}

/**
 * Fails when another connection — a running server — has the database open. An idle WAL
 * connection holds no transaction lock (so `BEGIN EXCLUSIVE` would succeed beside it), but it
 * keeps a shared lock on the file: exclusive locking mode needs the file to itself. Closing
 * this last connection also checkpoints the WAL into the file, so the kept copy is one file.
 * A previous database too damaged to open is not in use by a working server: it is kept as is.
 */
function checkNotInUse(dbFile: string): void {
  let db: ReturnType<typeof openSqliteFile> | undefined;
  try {
    db = openSqliteFile(dbFile, { timeout: 0 });
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
    db.exec('COMMIT');
  } catch (err) {
    const code = sqliteCode(err);
    if (code?.startsWith('SQLITE_BUSY') || code?.startsWith('SQLITE_LOCKED'))
      throw new BackupError(
        `${dbFile} is in use (is the server running?): stop the server, then restore`,
      );
    if (code !== 'SQLITE_NOTADB' && !code?.startsWith('SQLITE_CORRUPT')) throw err;
  } finally {
    db?.close();
  }
}

/** `base`, or `base-2`, `base-3`… : the first name not taken (two restores in one second). */
function freeName(base: string): string {
  let name = base;
  for (let i = 2; fs.existsSync(name); i++) name = `${base}-${i}`;
  return name;
}

/** Fails unless `file` is a sound ptce-suivi database. */
function checkBackup(file: string): void {
  let db: ReturnType<typeof openSqliteFile> | undefined;
  try {
    db = openSqliteFile(file);
    const problems = integrityProblems(db);
    if (problems.length > 0)
      throw new BackupError(`${file} is damaged: ${problems.slice(0, 5).join('; ')}`);
    const tables = db
      .prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name IN (?, ?, ?)")
      .all('settings', 'values', 'value_history');
    if (tables.length !== 3) throw new BackupError(`${file} is not a ptce-suivi database`);
  } catch (err) {
    if (err instanceof BackupError) throw err;
    throw new BackupError(`${file} is not a readable database: ${(err as Error).message}`);
  } finally {
    db?.close();
  }
}

/**
 * Restores the backup `backupFile` as the database `dbFile` of a stopped instance. Refuses
 * (BackupError) when the backup is missing, damaged (`PRAGMA integrity_check`) or not a
 * ptce-suivi database, or when `dbFile` is open in another process (a running server). The
 * backup is copied and checked beside `dbFile` first; the previous database (with any side
 * files) is then renamed `<dbFile>.before-restore-<timestamp>` and the copy renamed into place,
 * each step flushed to disk. The backup file itself is left untouched.
 */
export function restoreDatabase(
  backupFile: string,
  dbFile: string,
  opts: { now?: Date } = {},
): RestoreResult {
  const file = path.resolve(dbFile);
  if (!fs.existsSync(backupFile)) throw new BackupError(`no backup at ${backupFile}`);
  if (path.resolve(backupFile) === file) throw new BackupError('the backup is the database itself');
  const exists = fs.existsSync(file);
  if (exists) checkNotInUse(file);
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${crypto.randomBytes(6).toString('hex')}.restore`;
  try {
    fs.copyFileSync(backupFile, tmp);
    checkBackup(tmp);
    fsyncPath(tmp);
    let previous: string | null = null;
    if (exists || SIDE_SUFFIXES.some((s) => fs.existsSync(file + s))) {
      previous = freeName(`${file}.before-restore-${fileTimestamp(opts.now ?? new Date())}`);
      if (exists) fs.renameSync(file, previous);
      // A stale -wal left beside the restored file would be replayed into it: it goes with
      // the database it belongs to.
      for (const s of SIDE_SUFFIXES)
        if (fs.existsSync(file + s)) fs.renameSync(file + s, previous + s);
    }
    durableRename(tmp, file);
    return { file, previous };
  } finally {
    removeDatabaseFiles(tmp);
  }
}
