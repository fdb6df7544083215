import { type Kysely, sql } from 'kysely';

// Frozen migration: never edit once shipped, never import application code.
// What several app servers on one database share (docs/decisions.md, "Several servers on one
// database"); used on PostgreSQL only, created on both engines so that the schemas stay alike.
//
// data_versions: the version of each kind of cached data (`global`, `pole:<id>`, `sessions`),
// bumped by every writing request before it answers; the row with the empty scope is the
// counter every bump takes its number from (its row lock orders the bumps as they commit), so
// a server asks "what changed since version N" with one indexed query.
//
// login_throttle: the failed-login counters (per pair, per address, per account), the time of
// an account's last untrusted attempt and the trusted pairs, as the in-memory throttle keeps
// them; `ends` and `since` are milliseconds since the epoch.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('data_versions')
    .addColumn('scope', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('data_versions_version')
    .on('data_versions')
    .column('version')
    .execute();
  await sql`INSERT INTO data_versions (scope, version) VALUES ('', 0)`.execute(db);

  await db.schema
    .createTable('login_throttle')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('account', 'text', (c) => c.notNull())
    .addColumn('address', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull())
    .addColumn('ends', 'integer', (c) => c.notNull())
    .addColumn('since', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('login_throttle_key', ['kind', 'account', 'address'])
    .execute();
  await db.schema.createIndex('login_throttle_ends').on('login_throttle').column('ends').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('login_throttle').execute();
  await db.schema.dropTable('data_versions').execute();
}
