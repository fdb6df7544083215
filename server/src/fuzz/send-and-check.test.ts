import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';
import { type FuzzRequest, sendAndCheck } from './send-and-check';

let t: TestInstance;
beforeAll(async () => {
  t = await createTestInstance();
});
afterAll(async () => {
  await t.close();
});

const envelope = (code: string, message = 'm') => ({ error: { code, message } });

/** An app that misbehaves in one way per path, to prove the checker notices each. */
function badApp() {
  return new Hono()
    .get('/ok', (c) => c.json({ fine: true }, 200))
    .get('/refused', (c) => c.json(envelope('NOT_FOUND'), 404))
    .get('/crash', (c) => c.json(envelope('INTERNAL'), 500))
    .get('/bare', (c) => c.json({ message: 'no' }, 400))
    .get('/text', (c) => c.text('Bad Request', 400))
    .get('/extra', (c) => c.json({ error: { code: 'BAD_REQUEST', message: 'm', stack: 'x' } }, 400))
    .get('/unknown-code', (c) => c.json(envelope('OOPS'), 400))
    .get('/wrong-status', (c) => c.json(envelope('NOT_FOUND'), 400))
    .get('/leak', (c) =>
      c.json(envelope('BAD_REQUEST', 'SQLITE_ERROR: near "x": syntax error'), 400),
    )
    .get('/stack', (c) => c.json(envelope('BAD_REQUEST', 'at handler (/srv/app.ts:12:3)'), 400))
    .get('/writes', async (c) => {
      await t.db.insertInto('regions').values({ code: 'ZZ', name: 'Written' }).execute();
      return c.json(envelope('VALIDATION_FAILED'), 400);
    });
}

const check = (path: string) => {
  const fi = {
    t: { ...t, app: badApp() } as unknown as TestInstance,
    callers: { anonymous: { name: 'anonymous' } },
    heal: async () => {},
  };
  const req: FuzzRequest = {
    route: `GET ${path}`,
    method: 'GET',
    path,
    caller: 'anonymous',
    headers: {},
  };
  return sendAndCheck(fi, req);
};

describe('sendAndCheck', () => {
  it('accepts a success and a clean refusal', async () => {
    expect(await check('/ok')).toBe(200);
    expect(await check('/refused')).toBe(404);
  });

  it.each([
    ['/crash', '5xx answer'],
    ['/bare', 'not the envelope'],
    ['/text', 'not JSON'],
    ['/extra', 'not the envelope'],
    ['/unknown-code', 'not the envelope'],
    ['/wrong-status', 'does not match the status'],
    ['/leak', 'leaks internals'],
    ['/stack', 'leaks internals'],
    ['/writes', 'changed the database: regions'],
  ])('refuses %s', async (path, problem) => {
    await expect(check(path)).rejects.toThrow(problem);
  });
});
