import { createHash } from 'node:crypto';
import type { TestInstance } from '../test-support/test-instance';

/**
 * One line per table of the database: row count and a SHA-256 of its rows (order-free).
 * Covers every table, sessions included, so a new table is checked without a change here; the
 * same on both engines (the tables Kysely's introspection lists, rows as the application reads
 * them).
 */
export async function fingerprint(t: TestInstance): Promise<Map<string, string>> {
  const tables = await tablesOf(t);
  const out = new Map<string, string>();
  for (const table of tables) {
    // biome-ignore lint/suspicious/noExplicitAny: every table, whatever its columns.
    const rows = await (t.db as any).selectFrom(table).selectAll().execute();
    const lines = (rows as Record<string, unknown>[])
      .map((r) => JSON.stringify(Object.values(r)))
      .sort();
    const hash = createHash('sha256');
    for (const l of lines) hash.update(l).update('\n');
    out.set(table, `${rows.length}:${hash.digest('hex').slice(0, 16)}`);
  }
  return out;
}

/**
 * login_throttle holds the failed-login counters on PostgreSQL (in memory on SQLite, where the
 * fingerprint does not see them either): counting a refused login is what it is for.
 */
const UNCOUNTED = new Set(['login_throttle']);

// The tables of an instance's database, listed once: no request of a test creates one, and the
// catalogue's introspection is the slow part on PostgreSQL.
const TABLES = new WeakMap<object, Promise<string[]>>();
function tablesOf(t: TestInstance): Promise<string[]> {
  let tables = TABLES.get(t.db);
  if (!tables) {
    tables = t.db.introspection.getTables().then((list) =>
      list
        .map((x) => x.name)
        .filter((n) => !UNCOUNTED.has(n))
        .sort(),
    );
    TABLES.set(t.db, tables);
  }
  return tables;
}

/** The tables whose fingerprint differs, as `table: before → after`. */
export function changedTables(before: Map<string, string>, after: Map<string, string>): string[] {
  const names = new Set([...before.keys(), ...after.keys()]);
  return [...names]
    .filter((n) => before.get(n) !== after.get(n))
    .map((n) => `${n}: ${before.get(n)} → ${after.get(n)}`);
}
