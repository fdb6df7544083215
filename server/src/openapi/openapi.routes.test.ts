import { Validator } from '@seriousme/openapi-schema-validator';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';
import { API_ROUTES } from './routes.doc';

let t: TestInstance;
beforeAll(async () => {
  t = await createTestInstance();
});
afterAll(async () => {
  await t.close();
});

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document (checked by an independent validator)', async () => {
    const res = await call(t, 'GET', '/api/openapi.json');
    expect(res.status).toBe(200);
    expect(res.json.openapi).toBe('3.1.0');
    const validator = new Validator();
    const result = await validator.validate(res.json);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
  });

  it('documents every endpoint the app serves, and nothing it does not', () => {
    const served = new Set(
      t.app.routes
        .filter(
          (r) =>
            r.path.startsWith('/api/') &&
            !r.path.endsWith('*') &&
            ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method),
        )
        .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const documented = new Set(API_ROUTES.map((r) => `${r.method.toUpperCase()} ${r.path}`));
    expect([...served].filter((s) => !documented.has(s)).sort()).toEqual([]);
    expect([...documented].filter((d) => !served.has(d)).sort()).toEqual([]);
  });

  it('serves a readable reference page', async () => {
    const res = await call(t, 'GET', '/api/docs');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(res.text).toContain('PUT /api/poles/{pole}/values');
  });
});
