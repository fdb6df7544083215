import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/create-db';
import { migrateToLatest } from '../db/migrate';
import { backupDatabase } from './backup-database';
import { BackupError } from './backup-error';
import { integrityProblems, openSqliteFile } from './sqlite-file';

const dirs: string[] = [];
function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-backup-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

async function liveDatabase(dir: string) {
  const opened = openDatabase(path.join(dir, 'live.sqlite'));
  const migration = await migrateToLatest(opened.db);
  if (migration.error) throw migration.error;
  return opened;
}

const countSettings = (file: string) => {
  const db = openSqliteFile(file, { readonly: true });
  try {
    return (db.prepare('SELECT count(*) AS n FROM settings').get() as { n: number }).n;
  } finally {
    db.close();
  }
};

describe('backupDatabase', () => {
  it('copies a WAL database while another connection keeps writing, as one sound file', async () => {
    const dir = tempDir();
    const { db, sqlite } = await liveDatabase(dir);
    const insert = sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    for (let i = 0; i < 2000; i++) insert.run(`before-${i}`, 'x'.repeat(200));
    let written = 0;
    const writer = setInterval(() => insert.run(`during-${written++}`, 'y'), 0);
    const target = path.join(dir, 'saves', 'backup.sqlite');
    const result = await backupDatabase(path.join(dir, 'live.sqlite'), target).finally(() =>
      clearInterval(writer),
    );
    await db.destroy();

    expect(result.file).toBe(target);
    expect(result.bytes).toBe(fs.statSync(target).size);
    expect(fs.readdirSync(path.dirname(target))).toEqual(['backup.sqlite']);
    // Header bytes 18–19: 1 = rollback journal, 2 = WAL. A backup carries no -wal to forget.
    const header = fs.readFileSync(target).subarray(18, 20);
    expect([...header]).toEqual([1, 1]);
    const copy = openSqliteFile(target, { readonly: true });
    expect(integrityProblems(copy)).toEqual([]);
    copy.close();
    const n = countSettings(target);
    expect(n).toBeGreaterThanOrEqual(2000);
    expect(n).toBeLessThanOrEqual(2000 + written + 1);
  });

  it('replaces an older backup only with a complete one, and leaves it when it fails', async () => {
    const dir = tempDir();
    const { db } = await liveDatabase(dir);
    const target = path.join(dir, 'backup.sqlite');
    fs.writeFileSync(target, 'an older backup');
    await backupDatabase(path.join(dir, 'live.sqlite'), target);
    await db.destroy();
    expect(countSettings(target)).toBeGreaterThanOrEqual(0);

    fs.writeFileSync(target, 'an older backup');
    await expect(backupDatabase(path.join(dir, 'missing.sqlite'), target)).rejects.toThrow(
      BackupError,
    );
    await expect(backupDatabase(target, target)).rejects.toThrow(/overwrite the database/);
    expect(fs.readFileSync(target, 'utf8')).toBe('an older backup');
    expect(fs.readdirSync(dir).sort()).toEqual(['backup.sqlite', 'live.sqlite']);
  });
});
