import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen with the migrations (they import nothing else): what their raw SQL needs to know of
// the engine. On SQLite every statement below is byte for byte what the migrations ran before
// PostgreSQL came; column types are translated for PostgreSQL by db/postgres.ts's plugin.

export const onPostgres = (db: Kysely<unknown>) =>
  db.getExecutor().adapter instanceof PostgresAdapter;

/** Refuses every UPDATE and DELETE of `table`'s rows: `<table> is append-only`. */
export async function appendOnly(db: Kysely<unknown>, table: string): Promise<void> {
  const message = `${table} is append-only`;
  if (onPostgres(db)) {
    // One function for every append-only table; the trigger passes the message.
    await sql`CREATE OR REPLACE FUNCTION ptce_append_only() RETURNS trigger
      LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '%', TG_ARGV[0]; END $$`.execute(db);
    for (const op of ['update', 'delete'] as const) {
      await sql`CREATE TRIGGER ${sql.raw(`${table}_no_${op}`)} BEFORE ${sql.raw(op.toUpperCase())}
        ON ${sql.raw(table)} FOR EACH ROW EXECUTE FUNCTION ptce_append_only(${sql.lit(message)})`.execute(
        db,
      );
    }
    return;
  }
  await sql`CREATE TRIGGER ${sql.raw(`${table}_no_update`)} BEFORE UPDATE ON ${sql.raw(table)}
    BEGIN SELECT RAISE(ABORT, ${sql.lit(message)}); END`.execute(db);
  await sql`CREATE TRIGGER ${sql.raw(`${table}_no_delete`)} BEFORE DELETE ON ${sql.raw(table)}
    BEGIN SELECT RAISE(ABORT, ${sql.lit(message)}); END`.execute(db);
}
