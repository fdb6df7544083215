import { createHash } from 'node:crypto';
import type { TestInstance } from '../test-support/test-instance';

/**
 * One line per table of the database: row count and a SHA-256 of its rows (order-free).
 * Covers every table, sessions included, so a new table is checked without a change here.
 */
export function fingerprint(t: TestInstance): Map<string, string> {
  const tables = t.sqlite
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")
    .pluck()
    .all() as string[];
  const out = new Map<string, string>();
  for (const table of tables) {
    const rows = t.sqlite.prepare(`SELECT * FROM "${table}"`).raw().all() as unknown[][];
    const lines = rows.map((r) => JSON.stringify(r)).sort();
    const hash = createHash('sha256');
    for (const l of lines) hash.update(l).update('\n');
    out.set(table, `${rows.length}:${hash.digest('hex').slice(0, 16)}`);
  }
  return out;
}

/** The tables whose fingerprint differs, as `table: before → after`. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names]
    .filter((n) => before.get(n) !== after.get(n))
    .map((n) => `${n}: ${before.get(n)} → ${after.get(n)}`);
}
