import { type Kysely, type MigrationResultSet, Migrator } from 'kysely';
import type { Database } from './database';
import { engineOf } from './engine';
import { MIGRATIONS } from './migrations/index';
import { postgresSchemaPlugin } from './postgres';

/**
 * Applies every pending migration of the static map, in name order; on PostgreSQL through the
 * plugin that gives the columns PostgreSQL's own types (db/postgres.ts), in one transaction
 * under Kysely's migration lock (two servers starting together migrate once).
 * Never throws: returns Kysely's `{ error, results }`; the caller decides to exit on error.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const migrator = new Migrator({
    db: engineOf(db) === 'postgres' ? db.withPlugin(postgresSchemaPlugin) : db,
    provider: { getMigrations: async () => MIGRATIONS },
  });
  return migrator.migrateToLatest();
}
