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

const entry = { scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 1 };
const cases: Array<
  [string, { raw?: string; body?: unknown; headers?: Record<string, string> }, number]
> = [
  [
    'wrong type for value',
    { body: { period: '2026Q3', entries: [{ ...entry, value: '12' }] } },
    400,
  ],
  ['"NaN" as value', { body: { period: '2026Q3', entries: [{ ...entry, value: 'NaN' }] } }, 400],
  [
    '1e309 (Infinity)',
    {
      raw: '{"period":"2026Q3","entries":[{"scope":"pole","indicator":"PTCE-EVENEMENTS","value":1e309}]}',
    },
    400,
  ],
  [
    '-1e309',
    {
      raw: '{"period":"2026Q3","entries":[{"scope":"pole","indicator":"PTCE-EVENEMENTS","value":-1e309}]}',
    },
    400,
  ],
  [
    'a huge finite number',
    { body: { period: '2026Q3', entries: [{ ...entry, value: 1e300 }] } },
    400,
  ],
  ['unknown top-level field', { body: { period: '2026Q3', entries: [entry], extra: 1 } }, 400],
  [
    'unknown entry field',
    { body: { period: '2026Q3', entries: [{ ...entry, sneaky: true }] } },
    400,
  ],
  ['period 2025Q5', { body: { period: '2025Q5', entries: [entry] } }, 400],
  ['period with spaces', { body: { period: ' 2026Q3', entries: [entry] } }, 400],
  ['no entries', { body: { period: '2026Q3', entries: [] } }, 400],
  ['entries not an array', { body: { period: '2026Q3', entries: {} } }, 400],
  ['a JSON array', { body: [entry] }, 400],
  ['null body', { raw: 'null' }, 400],
  ['invalid JSON', { raw: '{"period": "2026Q3", ' }, 400],
  [
    'SQL in a slug',
    { body: { period: '2026Q3', entries: [{ ...entry, scope: "pole'; DROP TABLE values;--" }] } },
    400,
  ],
  [
    'forged slice',
    { body: { period: '2026Q3', entries: [{ ...entry, slice: 'sex=femme=1' }] } },
    400,
  ],
  ['negative version', { body: { period: '2026Q3', entries: [{ ...entry, version: -1 }] } }, 400],
  [
    'text/plain body',
    {
      raw: JSON.stringify({ period: '2026Q3', entries: [entry] }),
      headers: { 'content-type': 'text/plain' },
    },
    415,
  ],
  [
    'a 10 MB body',
    {
      raw: JSON.stringify({
        period: '2026Q3',
        entries: [{ ...entry, comment: 'x'.repeat(10 * 1024 * 1024) }],
      }),
    },
    413,
  ],
];

describe('malformed PUT /values', () => {
  it.each(cases)('%s → %i with the envelope, nothing written', async (_name, req, status) => {
    const res = await call(t, 'PUT', '/api/poles/henin-carvin/values', { ...req, cookie: coord });
    expect(res.status).toBe(status);
    expect(Object.keys(res.json)).toEqual(['error']);
    expect(typeof res.json.error.code).toBe('string');
    expect(typeof res.json.error.message).toBe('string');
    expect(res.text).not.toMatch(/ZodError|at .*\.ts:\d+/);
    expect(await t.db.selectFrom('values').selectAll().execute()).toEqual([]);
    expect(await t.db.selectFrom('value_history').selectAll().execute()).toEqual([]);
  });

  it('lists the issues with their paths', async () => {
    const res = await call(t, 'PUT', '/api/poles/henin-carvin/values', {
      body: { period: '2025Q5', entries: [{ ...entry, value: 'NaN' }] },
      cookie: coord,
    });
    expect(res.json.error.code).toBe('VALIDATION_FAILED');
    expect(res.json.error.issues.map((i: { path: unknown[] }) => i.path)).toEqual([
      ['period'],
      ['entries', 0, 'value'],
    ]);
  });

  it('answers unknown API paths and bad query strings with the envelope', async () => {
    const missing = await call(t, 'GET', '/api/nothing-here', { cookie: coord });
    expect(missing.status).toBe(404);
    expect(missing.json.error.code).toBe('NOT_FOUND');
    const badQuery = await call(t, 'GET', '/api/poles/henin-carvin/values?from=2025Q5', {
      cookie: coord,
    });
    expect(badQuery.status).toBe(400);
    const dup = await call(t, 'GET', '/api/poles/henin-carvin/values?from=2025Q1&from=2025Q2', {
      cookie: coord,
    });
    expect(dup.status).toBe(400);
    const unknownParam = await call(t, 'GET', '/api/poles/henin-carvin/values?evil=1', {
      cookie: coord,
    });
    expect(unknownParam.status).toBe(400);
    const traversal = await call(t, 'GET', '/api/poles/..%2F..%2Fetc%2Fpasswd/values', {
      cookie: coord,
    });
    expect(traversal.status).toBe(404);
  });
});
