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
} from './sqlite-file';

export interface BackupResult {
  /** Absolute path of the backup written. */
  file: string;
  /** Size of the backup in bytes. */
  bytes: number;
  pages: number;
}

/** More pages than any database has: the whole copy in one step, under one read snapshot. */
const ALL_PAGES = 0x7fffffff;

/**
 * Copies the SQLite database `source` to `target` with SQLite's online backup API, while other
 * processes (the server) keep reading and writing it: the copy is the database as of one
 * committed transaction. The backup is written to a temporary file beside `target`, switched to
 * a single-file journal mode (no `-wal` to carry), checked with `PRAGMA integrity_check`, flushed
 * to disk and only then renamed over `target` (created with its folder). Throws a BackupError
 * when `source` is missing or the copy is not sound; never leaves a partial `target`.
 */
export async function backupDatabase(source: string, target: string): Promise<BackupResult> {
  if (!fs.existsSync(source)) throw new BackupError(`no database at ${source}`);
  const file = path.resolve(target);
  if (file === path.resolve(source))
    throw new BackupError('the backup would overwrite the database');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.${crypto.randomBytes(6).toString('hex')}.tmp`;
  const db = openSqliteFile(source);
  try {
    // Each step is a read transaction; a write by the server between steps restarts the copy,
    // so copying everything in one step gives a consistent snapshot without blocking writers.
    const progress = await db.backup(tmp, { progress: () => ALL_PAGES });
    const copy = openSqliteFile(tmp);
    try {
      copy.pragma('journal_mode = DELETE');
      const problems = integrityProblems(copy);
      if (problems.length > 0)
        throw new BackupError(`the backup is not sound: ${problems.slice(0, 5).join('; ')}`);
    } finally {
      copy.close();
    }
    fsyncPath(tmp);
    durableRename(tmp, file);
    return { file, bytes: fs.statSync(file).size, pages: progress.totalPages };
  } finally {
    db.close();
    removeDatabaseFiles(tmp);
  }
}
