import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';
import { chunksOf } from './engine';

// Issue 13 point 4: an export's rows come through a cursor on PostgreSQL, in bounded chunks;
// on SQLite at once. Either way, the rows of the query, in its order.

let t: TestInstance;
beforeAll(async () => {
  t = await createTestInstance();
});
afterAll(async () => {
  await t.close();
});

describe('chunksOf', () => {
  it('gives the rows of the query, in its order, in chunks of at most the size on PostgreSQL', async () => {
    const query = t.db.selectFrom('indicators').select('code').orderBy('code');
    const all = await query.execute();
    expect(all.length).toBeGreaterThan(20);
    const chunks: Array<Array<{ code: string }>> = [];
    for await (const chunk of chunksOf(t.db, query, 10)) chunks.push(chunk);
    expect(chunks.flat()).toEqual(all);
    if (t.engine === 'postgres') {
      // Through the cursor: full chunks, then the rest.
      expect(chunks.map((c) => c.length)).toEqual([
        ...Array(Math.floor(all.length / 10)).fill(10),
        ...(all.length % 10 ? [all.length % 10] : []),
      ]);
    } else expect(chunks.map((c) => c.length)).toEqual([all.length]);
  });

  it('reads through the cursor on PostgreSQL, never the whole result at once', async () => {
    const query = t.db.selectFrom('indicators').select('code');
    const guarded = {
      execute: () => {
        if (t.engine === 'postgres') throw new Error('read whole');
        return query.execute();
      },
      compile: () => query.compile(),
    };
    let rows = 0;
    for await (const chunk of chunksOf(t.db, guarded, 7)) rows += chunk.length;
    expect(rows).toBe((await query.execute()).length);
  });

  it('gives nothing for an empty result', async () => {
    const query = t.db.selectFrom('indicators').select('code').where('code', '=', 'NONE');
    const chunks = [];
    for await (const chunk of chunksOf(t.db, query, 10)) chunks.push(chunk);
    expect(chunks.flat()).toEqual([]);
  });
});
