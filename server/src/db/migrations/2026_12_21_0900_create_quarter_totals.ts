import type { Kysely } from 'kysely';

// Frozen migration: never edit once shipped, never import application code.
// The dashboard's read of a pole (its totals and ratio terms over a range of quarters) is built
// from one serialised row per quarter instead of every value row, so that an answer computed
// without an answer cache (several app servers on one database, or right after a start) costs a
// fraction of the rows' reading. `stamp` grows with every write to the quarter's values, in the
// write's transaction, and `entries` is then null until a read rebuilds it (only if `stamp` did
// not move meanwhile); `terms` names the ratio-term slices the entries hold.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('quarter_totals')
    .addColumn('pole_id', 'integer', (c) => c.notNull().references('poles.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('stamp', 'integer', (c) => c.notNull())
    .addColumn('terms', 'text')
    .addColumn('entries', 'text')
    .addPrimaryKeyConstraint('quarter_totals_pk', ['pole_id', 'period'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('quarter_totals').execute();
}
