import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase, testEngine } from '../test-support/test-database';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';
import { connect } from './create-db';
import { migrateToLatest } from './migrate';
import { isFlagColumn, isTimeColumn } from './postgres';

// Issue 13 point 2: the same frozen migrations give an equivalent schema on each engine. Run
// on PostgreSQL (node-pg), this compares its schema with a SQLite database migrated beside it;
// on SQLite, it checks what the comparison relies on there.

let t: TestInstance;
beforeAll(async () => {
  t = await createTestInstance();
});
afterAll(async () => {
  await t.close();
});

/** SQLite's declared type → the one the PostgreSQL plugin gives (db/postgres.ts). */
function expectedPgType(column: string, sqliteType: string): string {
  const type = sqliteType.toLowerCase();
  if (type === 'integer') return isFlagColumn(column) ? 'bool' : 'int8';
  if (type === 'real') return 'float8';
  if (type === 'text') return isTimeColumn(column) ? 'timestamptz' : 'text';
  return type;
}

const shape = async (db: TestInstance['db']) =>
  (await db.introspection.getTables())
    .map((table) => ({
      name: table.name,
      columns: table.columns
        .map((c) => ({ name: c.name, type: c.dataType, nullable: c.isNullable }))
        .sort((a, b) => a.name.localeCompare(b.name)),
    }))
    .sort((a, b) => a.name.localeCompare(b.name));

if (testEngine() === 'postgres') {
  describe('on PostgreSQL, against SQLite', () => {
    let sqlite: TestDatabase;
    let lite: ReturnType<typeof connect>;
    beforeAll(async () => {
      sqlite = await createTestDatabase('sqlite');
      lite = connect(sqlite.target);
      const m = await migrateToLatest(lite.db);
      if (m.error) throw m.error;
    });
    afterAll(async () => {
      await lite.db.destroy();
      await sqlite.drop();
    });

    it('has the same tables and columns, with PostgreSQL’s own types', async () => {
      const pg = await shape(t.db);
      const sq = await shape(lite.db);
      expect(pg.map((x) => x.name)).toEqual(sq.map((x) => x.name));
      for (const [i, table] of sq.entries()) {
        // SQLite lets a primary key's column be null (a legacy quirk); PostgreSQL does not.
        const keys = new Set(
          (
            lite.sqlite!.pragma(`table_info("${table.name}")`) as Array<{
              name: string;
              pk: number;
            }>
          )
            .filter((c) => c.pk > 0)
            .map((c) => c.name),
        );
        const expected = table.columns.map((c) => ({
          name: c.name,
          type: expectedPgType(c.name, c.type),
          nullable: c.nullable && !keys.has(c.name),
        }));
        expect({ table: table.name, columns: pg[i]!.columns }).toEqual({
          table: table.name,
          columns: expected,
        });
      }
    });

    it('compares text byte by byte, as SQLite does', async () => {
      const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM pg_attribute a
        JOIN pg_class c ON c.oid = a.attrelid JOIN pg_namespace s ON s.oid = c.relnamespace
        WHERE s.nspname = 'public' AND c.relkind = 'r' AND a.attnum > 0
          AND a.atttypid = 'text'::regtype AND a.attcollation <> '"C"'::regcollation
          AND c.relname NOT LIKE 'kysely_%'`.execute(t.db);
      expect(rows[0]!.n).toBe(0);
      // "Z" < "a" < "é" in bytes, whatever the database's locale
      const codes = ['é', 'a', 'Z'];
      await t.db
        .insertInto('regions')
        .values(codes.map((code) => ({ code, name: code })))
        .execute();
      const sorted = await t.db
        .selectFrom('regions')
        .select('code')
        .where('code', 'in', codes)
        .orderBy('code')
        .execute();
      expect(sorted.map((r) => r.code)).toEqual(['Z', 'a', 'é']);
    });
  });
}

if (testEngine() === 'sqlite') {
  describe('on SQLite', () => {
    it('declares only the types the PostgreSQL plugin translates', async () => {
      const types = new Set(
        (await shape(t.db)).flatMap((x) => x.columns.map((c) => c.type.toLowerCase())),
      );
      expect([...types].sort()).toEqual(['integer', 'real', 'text']);
    });
  });
}
