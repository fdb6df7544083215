import type { Kysely } from 'kysely';

// Frozen migration: never edit once shipped, never import application code.
// A quarter's last transition is shown to the pole as what it was: sent back or reopened, and
// by whom (the CRESS or an administrator). The event log keeps the role the actor acted in
// (`by_role`, null for the events recorded before this migration), and an index finds a
// quarter's events (its last one) without reading the whole log.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('period_events').addColumn('by_role', 'text').execute();
  await db.schema
    .createIndex('period_events_quarter')
    .on('period_events')
    .columns(['pole_id', 'period', 'id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('period_events_quarter').execute();
  await db.schema.alterTable('period_events').dropColumn('by_role').execute();
}
