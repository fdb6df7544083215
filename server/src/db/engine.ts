import { type CompiledQuery, type Kysely, PostgresAdapter, sql, type Transaction } from 'kysely';
import type { Database } from './database';
import { isStalePlan } from './postgres';

// The engine half of the dialect seam (docs/decisions.md, "Two engines, one schema"): what
// differs between SQLite and PostgreSQL at run time is asked here, nowhere else.

export type Engine = 'sqlite' | 'postgres';

// biome-ignore lint/suspicious/noExplicitAny: any database shape (migrations use Kysely<unknown>).
export const engineOf = (db: Kysely<any>): Engine =>
  db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';

/** PostgreSQL's codes for a transaction that lost a race: serialization failure, deadlock. */
const RETRYABLE = new Set(['40001', '40P01']);
// Saves of one pole's quarter all read that quarter: run together, most of them lose once, a
// few lose many times in a row (12 seen in tests/durability/races.test.ts). A pause doubling
// from up to 8 ms to up to 250 ms, and 20 attempts, let them through.
const MAX_ATTEMPTS = 20;
const MAX_PAUSE_MS = 250;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Runs `fn` in one transaction, with SQLite's guarantee on both engines: as if transactions ran
 * one after the other. SQLite has it by construction (one connection, one writer). On
 * PostgreSQL the transaction is SERIALIZABLE and one that loses a race is run again from the
 * start (up to 20 times, after a random pause doubling up to 250 ms): `fn` must do nothing outside the
 * database that cannot be done twice. The only way the application opens a transaction.
 */
export async function transact<T>(
  db: Kysely<Database>,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  if (engineOf(db) === 'sqlite') return db.transaction().execute(fn);
  for (let attempt = 1; ; attempt++) {
    try {
      return await db.transaction().setIsolationLevel('serializable').execute(fn);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      const lost = typeof code === 'string' && RETRYABLE.has(code);
      // A kept statement made stale by a schema change (postgres.ts, keepStatements): its
      // connection forgot it, so the transaction runs again without it.
      if (attempt >= MAX_ATTEMPTS || !(lost || isStalePlan(err))) throw err;
      await sleep(Math.random() * Math.min(MAX_PAUSE_MS, 4 * 2 ** attempt));
    }
  }
}

/**
 * Runs `fn` while no other app server on the same database runs a `fn` under the same `key`:
 * on PostgreSQL a session advisory lock held on a connection of the pool, on SQLite (one server
 * per file) nothing to take. For the start (catalogue sync, first initialisation).
 */
export async function exclusively<T>(
  db: Kysely<Database>,
  key: number,
  fn: () => Promise<T>,
): Promise<T> {
  if (engineOf(db) === 'sqlite') return fn();
  return db.connection().execute(async (conn) => {
    await sql`SELECT pg_advisory_lock(${key})`.execute(conn);
    try {
      return await fn();
    } finally {
      await sql`SELECT pg_advisory_unlock(${key})`.execute(conn);
    }
  });
}

/**
 * The rows of a select, in arrays of at most `size` on PostgreSQL: read through a cursor
 * (pg-cursor, the executor's `stream`), so memory holds one chunk of the result, never the
 * whole of it. The chunks are taken from the executor as the cursor reads them (the query
 * builder's `.stream()` hands out one row per promise). On SQLite the whole result at once:
 * its driver streams one row per promise, and a read there takes no network buffer.
 */
export async function* chunksOf<R>(
  // biome-ignore lint/suspicious/noExplicitAny: any database shape, a transaction included.
  db: Kysely<any>,
  query: { execute(): Promise<R[]>; compile(): CompiledQuery<R> },
  size = 5000,
): AsyncGenerator<R[]> {
  if (engineOf(db) === 'sqlite') {
    yield await query.execute();
    return;
  }
  for await (const result of db.getExecutor().stream(query.compile(), size))
    if (result.rows.length > 0) yield result.rows;
}

/** Advisory lock keys (PostgreSQL): one per kind of exclusive work. */
export const LOCKS = { startup: 7_301_001 } as const;
