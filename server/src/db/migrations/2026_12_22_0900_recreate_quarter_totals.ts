import type { Kysely } from 'kysely';

// Frozen migration: never edit once shipped, never import application code.
// The series a dashboard reads (`GET /api/poles/{pole}/series`) need only each entered cell's
// value: `cells` holds a quarter's cells in a few bytes each beside `entries` (the values answer's
// members, ~200 bytes each), written and dropped with them. It comes before `entries` in the row,
// so that SQLite reads it without walking the overflow pages of the larger text (65 → 28 µs for
// a dashboard's 12 quarters). The table holds only what reads rebuild from the values: it is
// created again empty, its quarters built by the next reads (and the next saves).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('quarter_totals').execute();
  await db.schema
    .createTable('quarter_totals')
    .addColumn('pole_id', 'integer', (c) => c.notNull().references('poles.id').onDelete('cascade'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('stamp', 'integer', (c) => c.notNull())
    .addColumn('terms', 'text')
    .addColumn('cells', 'text')
    .addColumn('entries', 'text')
    .addPrimaryKeyConstraint('quarter_totals_pk', ['pole_id', 'period'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('quarter_totals').dropColumn('cells').execute();
}
