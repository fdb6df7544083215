import type { Kysely } from 'kysely';
import { appendOnly } from './engine';

// Frozen migration: never edit once shipped, never import application code (./engine is
// frozen with them: on SQLite it runs the statements this file ran before PostgreSQL came).
// A quarter's "faits marquants" per pole: one header row (version, last save) and one row per
// non-empty text, the pole's text under the pole's own scope (working group `is_pole`), each
// group's under its group; every change of a text appended to narrative_history.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('narratives')
    .addColumn('pole_id', 'integer', (c) => c.notNull().references('poles.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('narratives_pk', ['pole_id', 'period'])
    .execute();

  await db.schema
    .createTable('narrative_texts')
    .addColumn('pole_id', 'integer', (c) => c.notNull().references('poles.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('group_id', 'integer', (c) => c.notNull().references('working_groups.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('narrative_texts_pk', ['pole_id', 'period', 'group_id'])
    .execute();

  await db.schema
    .createTable('narrative_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('pole_id', 'integer', (c) => c.notNull().references('poles.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('group_id', 'integer', (c) => c.notNull().references('working_groups.id'))
    .addColumn('old_text', 'text', (c) => c.notNull())
    .addColumn('new_text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('narrative_history_quarter')
    .on('narrative_history')
    .columns(['pole_id', 'period'])
    .execute();
  await appendOnly(db, 'narrative_history');
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('narrative_history').execute();
  await db.schema.dropTable('narrative_texts').execute();
  await db.schema.dropTable('narratives').execute();
}
