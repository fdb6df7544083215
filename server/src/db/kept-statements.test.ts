import { type Kysely, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';
import type { Database } from './database';
import { transact } from './engine';

// Frequent statements are kept prepared on PostgreSQL's connections (postgres.ts,
// keepStatements): bound again with other values, they answer for those values; a schema change
// under one does not fail the queries after it. On SQLite the same queries answer the same.

let t: TestInstance;
beforeAll(async () => {
  t = await createTestInstance();
  await sql`CREATE TABLE kept_probe (id integer PRIMARY KEY, label text NOT NULL)`.execute(t.db);
  await sql`INSERT INTO kept_probe (id, label) VALUES (1, 'un'), (2, 'deux'), (3, 'trois')`.execute(
    t.db,
  );
});
afterAll(async () => {
  await t.close();
});

const labelOf = (db: Kysely<Database>) => async (id: number) =>
  (
    await sql<{ label: string }>`SELECT label FROM kept_probe WHERE id = ${id}`.execute(db)
  ).rows.map((r) => r.label);

describe('kept statements', () => {
  it('answer for the values each use binds, before and after they are kept', async () => {
    const read = labelOf(t.db);
    const seen: string[][] = [];
    for (let i = 0; i < 12; i++) seen.push(await read((i % 3) + 1));
    expect(seen).toEqual(Array.from({ length: 12 }, (_, i) => [['un', 'deux', 'trois'][i % 3]!]));
    expect(await read(4)).toEqual([]);
  });

  it('are prepared once on a PostgreSQL connection, then only bound', async () => {
    await t.db.connection().execute(async (conn) => {
      const read = labelOf(conn);
      for (let i = 0; i < 6; i++) await read(2);
      if (t.engine !== 'postgres') return;
      const kept = await sql<{ name: string; statement: string }>`
        SELECT name, statement FROM pg_prepared_statements`.execute(conn);
      const probe = kept.rows.filter((r) => r.statement.includes('FROM kept_probe'));
      expect(probe).toHaveLength(1);
      expect(probe[0]!.name).toMatch(/^ptce_\d+$/);
    });
  });

  it('survive a schema change that alters what a kept statement returns', async () => {
    const readAll = async () =>
      (await sql<{ id: number }>`SELECT * FROM kept_probe WHERE id <= ${3}`.execute(t.db)).rows;
    // Used on every connection of the pool, enough to be kept on each.
    await Promise.all(Array.from({ length: 24 }, readAll));
    await sql`ALTER TABLE kept_probe ADD COLUMN note text`.execute(t.db);
    // Outside a transaction: each query answers, with the new column.
    const after = await Promise.all(Array.from({ length: 24 }, readAll));
    for (const rows of after) {
      expect(rows).toHaveLength(3);
      expect(Object.keys(rows[0]!).sort()).toEqual(['id', 'label', 'note']);
    }
    await sql`ALTER TABLE kept_probe DROP COLUMN note`.execute(t.db);
    // Inside transactions: each runs again, and commits.
    const inTransactions = await Promise.all(
      Array.from({ length: 12 }, () =>
        transact(t.db, async (trx) => {
          const rows = (
            await sql<{ id: number }>`SELECT * FROM kept_probe WHERE id <= ${3}`.execute(trx)
          ).rows;
          await sql`UPDATE kept_probe SET label = label WHERE id = ${1}`.execute(trx);
          return rows;
        }),
      ),
    );
    for (const rows of inTransactions)
      expect(Object.keys(rows[0]!).sort()).toEqual(['id', 'label']);
  });
});
