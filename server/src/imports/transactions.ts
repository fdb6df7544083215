import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database';
import { transact } from '../db/engine';

class Rollback<T> extends Error {
  constructor(readonly result: T) {
    super('rollback');
  }
}

/**
 * Runs `fn` in one transaction, committed unless `rollback` is true: then everything `fn`
 * wrote is undone and its result returned all the same (a dry run). Errors `fn` throws roll
 * back and propagate.
 */
export async function inTransaction<T>(
  db: Kysely<Database>,
  rollback: boolean,
  fn: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  try {
    return await transact(db, async (trx) => {
      const result = await fn(trx);
      if (rollback) throw new Rollback(result);
      return result;
    });
  } catch (err) {
    if (err instanceof Rollback) return err.result as T;
    throw err;
  }
}
