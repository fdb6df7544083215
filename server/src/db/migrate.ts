import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import type { Database } from './database';
import { MIGRATIONS } from './migrations/index';

/**
 * Applies every pending migration of the static map, in name order.
 * Never throws: returns Kysely's `{ error, results }`; the caller decides to exit on error.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  return migrator.migrateToLatest();
}
