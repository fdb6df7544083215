import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from '../db/create-db';
import { migrateToLatest } from '../db/migrate';
import { backupDatabase } from './backup-database';
import { fileTimestamp, restoreDatabase } from './restore-database';
import { openSqliteFile } from './sqlite-file';

const NOW = new Date('2026-11-29T10:15:30.123Z');
const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

/** A migrated database with settings `marker` = `value`, closed; and a backup of it. */
async function databaseWithBackup(marker: string) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-restore-'));
  dirs.push(dir);
  const file = path.join(dir, 'var', 'db.sqlite');
  const { db } = openDatabase(file);
  const migration = await migrateToLatest(db);
  if (migration.error) throw migration.error;
  await db.insertInto('settings').values({ key: 'marker', value: marker }).execute();
  const backup = path.join(dir, 'backup.sqlite');
  await backupDatabase(file, backup);
  await db.destroy();
  return { dir, file, backup };
}

function marker(file: string): string | undefined {
  const db = openSqliteFile(file, { readonly: true });
  try {
    const row = db.prepare("SELECT value FROM settings WHERE key = 'marker'").get();
    return (row as { value: string } | undefined)?.value;
  } finally {
    db.close();
  }
}

/** Writes `marker` = `value` in another process that is then killed, leaving its -wal behind. */
function writeThenKill(file: string, value: string): void {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const script = `const S = require(${JSON.stringify(driver)});
    const db = new S(${JSON.stringify(file)}); db.pragma('journal_mode = WAL');
    db.prepare("UPDATE settings SET value = ? WHERE key = 'marker'").run(${JSON.stringify(value)});
    process.kill(process.pid, 'SIGKILL');`;
  const res = spawnSync(process.execPath, ['-e', script]);
  expect(res.signal).toBe('SIGKILL');
}

describe('restoreDatabase', () => {
  it('keeps the previous database, its un-checkpointed WAL included, and puts the backup in place', async () => {
    const { file, backup } = await databaseWithBackup('backed-up');
    writeThenKill(file, 'after the backup');
    expect(fs.existsSync(`${file}-wal`)).toBe(true);

    const result = restoreDatabase(backup, file, { now: NOW });

    const previous = `${file}.before-restore-20261129T101530Z`;
    expect(result).toEqual({ file, previous });
    expect(fs.existsSync(`${file}-wal`)).toBe(false);
    expect(marker(previous)).toBe('after the backup');
    expect(marker(file)).toBe('backed-up');
    expect(fs.readFileSync(file).equals(fs.readFileSync(backup))).toBe(true);
    expect(restoreDatabase(backup, file, { now: NOW }).previous).toBe(`${previous}-2`);
  });

  it('restores into a new path, with no previous database to keep', async () => {
    const { dir, backup } = await databaseWithBackup('backed-up');
    const target = path.join(dir, 'elsewhere', 'new.sqlite');
    expect(restoreDatabase(backup, target)).toEqual({ file: target, previous: null });
    expect(marker(target)).toBe('backed-up');
    expect(fs.readdirSync(path.dirname(target))).toEqual(['new.sqlite']);
  });

  it('refuses while a server has the database open, and changes nothing', async () => {
    const { dir, file, backup } = await databaseWithBackup('backed-up');
    const server = openDatabase(file);
    await server.db.selectFrom('settings').selectAll().execute();
    const before = fs.readdirSync(path.dirname(file)).sort();
    expect(() => restoreDatabase(backup, file)).toThrow(/in use \(is the server running\?\)/);
    expect(fs.readdirSync(path.dirname(file)).sort()).toEqual(before);
    await server.db.destroy();
    expect(fs.readdirSync(dir).sort()).toEqual(['backup.sqlite', 'var']);
  });

  it('refuses a damaged backup, a file that is no database and a foreign database', async () => {
    const { dir, file, backup } = await databaseWithBackup('backed-up');
    const damaged = path.join(dir, 'damaged.sqlite');
    const bytes = fs.readFileSync(backup);
    const pageSize = bytes.readUInt16BE(16);
    // Scramble the second half of every page after the first: b-tree cells no longer add up.
    for (let p = pageSize; p < bytes.length; p += pageSize)
      bytes.fill(0x5a, p + pageSize / 2, p + pageSize);
    fs.writeFileSync(damaged, bytes);
    expect(() => restoreDatabase(damaged, file)).toThrow(/damaged|not a readable database/);

    const text = path.join(dir, 'notes.txt');
    fs.writeFileSync(text, 'not a database at all '.repeat(100));
    expect(() => restoreDatabase(text, file)).toThrow(/not a readable database/);

    const foreign = path.join(dir, 'foreign.sqlite');
    const other = openDatabase(foreign);
    other.sqlite.exec('CREATE TABLE t (x)');
    await other.db.destroy();
    expect(() => restoreDatabase(foreign, file)).toThrow(/not a ptce-suivi database/);

    expect(() => restoreDatabase(path.join(dir, 'missing'), file)).toThrow(/no backup at/);
    expect(fs.readdirSync(path.dirname(file))).toEqual(['db.sqlite']);
    expect(marker(file)).toBe('backed-up');
  });

  it('names the kept copy with a sortable UTC timestamp', () => {
    expect(fileTimestamp(NOW)).toBe('20261129T101530Z');
  });
});
