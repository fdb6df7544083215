import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
  it('copies the WAL back from its worker; the API connection only checkpoints past a fallback size', async () => {
    const file = tmpDb();
    const inst = await openInstance(readEnv({ PTCE_DB: file, PTCE_DEMO: '0' }));
    expect(inst.checkpointer).not.toBeNull();
    expect(inst.sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(
      FALLBACK_AUTOCHECKPOINT_PAGES,
    );
    const before = inst.checkpointer!.frames();
    // ~2 000 pages of WAL: twice what SQLite's own automatic checkpoint would have let grow.
    const insert = inst.sqlite.prepare('INSERT INTO settings (key, value) VALUES (?, ?)');
    for (let i = 0; i < 2000; i++) insert.run(`bulk-${i}`, 'x'.repeat(3000));
    await until(() => inst.checkpointer!.frames() - before >= 2000);
    await inst.close();

    const again = await openInstance(readEnv({ PTCE_DB: file, PTCE_DEMO: '0' }));
    expect(again.sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
    const count = again.sqlite
      .prepare("SELECT count(*) AS n FROM settings WHERE key LIKE 'bulk-%'")
      .get() as { n: number };
    expect(count.n).toBe(2000);
    await again.close();
  });

  it('has none for a database in memory, and reports a file it cannot open', async () => {
    const inst = await openInstance(readEnv({ PTCE_DB: ':memory:', PTCE_DEMO: '0' }));
    expect(inst.checkpointer).toBeNull();
    await inst.close();

    const errors: string[] = [];
    const broken = startCheckpointer(path.join(tmpDb(), 'missing', 'db.sqlite'), {
      onError: (m) => errors.push(m),
    });
    await until(() => errors.length > 0);
    expect(errors[0]).toMatch(/unable to open|directory does not exist|not exist/i);
    await broken.stop();
  });
});
