import type { Kysely } from 'kysely';
import { appendOnly } from './engine';

// Frozen migration: never edit once shipped, never import application code (./engine is
// frozen with them: on SQLite it runs the statements this file ran before PostgreSQL came).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('target_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('group_id', 'integer', (c) => c.notNull().references('working_groups.id'))
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('old_value', 'real')
    .addColumn('new_value', 'real')
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await appendOnly(db, 'target_history');
  await db.schema
    .alterTable('api_tokens')
    .addColumn('can_write', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('api_tokens').dropColumn('can_write').execute();
  await db.schema.dropTable('target_history').execute();
}
