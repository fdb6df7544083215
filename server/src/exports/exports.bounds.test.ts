import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';

let t: TestInstance;
let coord: string;
beforeAll(async () => {
  t = await createTestInstance();
  coord = await login(t, 'coord@hc.test');
});
afterAll(async () => {
  await t.close();
});

// Found by the API fuzzer: the default `from` (two years before `to`) fell before 2000 → 500.
describe('exports near the first accepted quarter', () => {
  it.each(['2000Q1', '2001Q4'])(
    'the manifest of to=%s without from starts at 2000Q1',
    async (to) => {
      const res = await call(t, 'GET', `/api/exports/manifest?to=${to}`, { cookie: coord });
      expect(res.status).toBe(200);
      expect(res.json.filters).toMatchObject({ from: '2000Q1', to });
    },
  );

  it('the csv export of to=2000Q1 without from answers 200', async () => {
    const res = await call(t, 'GET', '/api/exports/values?format=csv&to=2000Q1', {
      cookie: coord,
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain('2000Q1-2000Q1');
  });
});
