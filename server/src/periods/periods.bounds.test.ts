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

// Found by the API fuzzer: the default `from` (eight quarters back) fell before 2000Q1 → 500.
describe('GET /api/poles/{pole}/periods near the first accepted quarter', () => {
  it.each([
    ['2000Q1', ['2000Q1']],
    ['2000Q3', ['2000Q1', '2000Q2', '2000Q3']],
  ])('to=%s without from starts at 2000Q1', async (to, periods) => {
    const res = await call(t, 'GET', `/api/poles/henin-carvin/periods?to=${to}`, {
      cookie: coord,
    });
    expect(res.status).toBe(200);
    expect(res.json.periods.map((p: { period: string }) => p.period)).toEqual(periods);
  });
});
