import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, login } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';

let t: TestInstance;
beforeEach(async () => {
  t = await createTestInstance();
});
afterEach(async () => {
  await t.close();
});

const VALUES = '/api/poles/henin-carvin/values?from=2026Q3&to=2026Q3';
const save = (cookie: string, value: number, version: number) =>
  call(t, 'PUT', '/api/poles/henin-carvin/values', {
    cookie,
    body: {
      period: '2026Q3',
      entries: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value, version }],
    },
  });

describe('cached answers', () => {
  it('show a saved value on the very next request, with a new ETag, and 304 while unchanged', async () => {
    const coord = await login(t, 'coord@hc.test');
    const board = await login(t, 'board@hc.test');
    expect((await save(coord, 1, 0)).status).toBe(200);
    const first = await call(t, 'GET', VALUES, { cookie: board });
    expect(first.json.values.map((v: { value: number }) => v.value)).toEqual([1]);
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\//);
    const again = await call(t, 'GET', VALUES, {
      cookie: board,
      headers: { 'if-none-match': etag },
    });
    expect(again.status).toBe(304);
    expect((await save(coord, 2, 1)).status).toBe(200);
    const after = await call(t, 'GET', VALUES, {
      cookie: board,
      headers: { 'if-none-match': etag },
    });
    expect(after.status).toBe(200);
    expect(after.json.values.map((v: { value: number }) => v.value)).toEqual([2]);
    expect(after.headers.get('etag')).not.toBe(etag);
    const periods = await call(t, 'GET', '/api/poles/henin-carvin/periods?from=2026Q3&to=2026Q3', {
      cookie: board,
    });
    expect(
      periods.json.periods[0].scopes.find((s: { scope: string }) => s.scope === 'pole').filled,
    ).toBe(1);
    expect(
      (await call(t, 'POST', '/api/poles/henin-carvin/periods/2026Q3/submit', { cookie: coord }))
        .status,
    ).toBe(200);
    const submitted = await call(
      t,
      'GET',
      '/api/poles/henin-carvin/periods?from=2026Q3&to=2026Q3',
      { cookie: board },
    );
    expect(submitted.json.periods[0].status).toBe('submitted');
  });

  it('never give one caller the answer computed for another', async () => {
    const asBoard = await call(t, 'GET', '/api/poles/henin-carvin', {
      cookie: await login(t, 'board@hc.test'),
    });
    const asCoord = await call(t, 'GET', '/api/poles/henin-carvin', {
      cookie: await login(t, 'coord@hc.test'),
    });
    expect(asBoard.json.roles).toEqual(['board']);
    expect(asCoord.json.roles).toEqual(['coordinator']);
    const outsider = await call(t, 'GET', VALUES, { cookie: await login(t, 'cress@occ.test') });
    expect(outsider.status).toBe(404);
  });

  it('drop a caller whose account an admin disables, and a revoked token, at once', async () => {
    const board = await login(t, 'board@hc.test');
    const token = (
      await call(t, 'POST', '/api/tokens', { cookie: board, body: { name: 'script' } })
    ).json;
    expect((await call(t, 'GET', VALUES, { bearer: token.secret })).status).toBe(200);
    expect(
      (await call(t, 'DELETE', `/api/tokens/${token.token.id}`, { cookie: board })).status,
    ).toBe(204);
    expect((await call(t, 'GET', VALUES, { bearer: token.secret })).status).toBe(401);
    expect((await call(t, 'GET', VALUES, { cookie: board })).status).toBe(200);
    const admin = await login(t, 'admin@test.test');
    const id = (
      await t.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'board@hc.test')
        .executeTakeFirstOrThrow()
    ).id;
    expect(
      (await call(t, 'POST', `/api/admin/users/${id}/disable`, { cookie: admin })).status,
    ).toBe(200);
    expect((await call(t, 'GET', VALUES, { cookie: board })).status).toBe(401);
  });
});
