import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { readEnv } from '../env';
import { openInstance } from '../instance';
import { FALLBACK_AUTOCHECKPOINT_PAGES, startCheckpointer } from './checkpointer';

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});
function tmpDb() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-ckpt-'));
  dirs.push(dir);
  return path.join(dir, 'db.sqlite');
}

async function until(check: () => boolean, ms = 10_000) {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('the WAL checkpointer', () => {
  it('copies the whole WAL back on its timer; commits only checkpoint past a fallback size', async () => {
    const file = tmpDb();
    const inst = await openInstance(readEnv({ PTCE_DB: file, PTCE_DEMO: '0' }));
    expect(inst.checkpointer).not.toBeNull();
    const sqlite = inst.sqlite!;
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(
      FALLBACK_AUTOCHECKPOINT_PAGES,
    );
    // ~2 000 pages of WAL in one commit: past SQLite's own 1 000-page automatic checkpoint,
    // which would have copied them into the database inside the commit.
    const dbBytes = () => fs.statSync(file).size;
    const before = dbBytes();
    const insert = sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    sqlite.transaction(() => {
      for (let i = 0; i < 2000; i++) insert.run(`bulk-${i}`, 'x'.repeat(3000));
    })();
    expect(dbBytes()).toBe(before); // nothing copied by the commit itself
    await until(() => {
      const last = inst.checkpointer!.last();
      return last !== null && last.log > 2000 && last.checkpointed === last.log;
    });
    expect(dbBytes()).toBeGreaterThan(before + 2000 * 3000);
    await inst.close();

    const again = new SQLite(file, { readonly: true });
    expect(again.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(
      again.prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'bulk-%'").pluck().get(),
    ).toBe(2000);
    again.close();
  });

  it('never runs inside a transaction, and there is none for a database in memory', async () => {
    const inst = await openInstance(readEnv({ PTCE_DB: ':memory:', PTCE_DEMO: '0' }));
    expect(inst.checkpointer).toBeNull();
    await inst.close();

    const file = tmpDb();
    const db = new SQLite(file);
    db.pragma('journal_mode = WAL');
    db.exec('CREATE TABLE t (x)');
    const errors: string[] = [];
    const ckpt = startCheckpointer(db, { everyMs: 5, onError: (m) => errors.push(m) });
    db.exec('BEGIN');
    db.exec('INSERT INTO t VALUES (1)');
    await new Promise((r) => setTimeout(r, 50));
    expect(ckpt.last()).toBeNull();
    db.exec('COMMIT');
    await until(() => ckpt.last() !== null);
    expect(errors).toEqual([]);
    ckpt.stop();
    db.close();
  });
});
