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

const regionCodes = async () =>
  (await t.db.selectFrom('regions').select('code').orderBy('code').execute()).map((r) => r.code);

describe('/api/admin/regions', () => {
  it('lists regions with their pole counts and creates one', async () => {
    const admin = await login(t, 'admin@test.test');
    const list = await call(t, 'GET', '/api/admin/regions', { cookie: admin });
    expect(list.status).toBe(200);
    expect(list.json).toEqual({
      regions: [
        { code: 'HDF', name: 'Hauts-de-France', poles: 2 },
        { code: 'OCC', name: 'Occitanie', poles: 1 },
      ],
    });
    const created = await call(t, 'POST', '/api/admin/regions', {
      cookie: admin,
      body: { code: 'BRE', name: ' Bretagne ' },
    });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ region: { code: 'BRE', name: 'Bretagne', poles: 0 } });
    expect(await regionCodes()).toEqual(['BRE', 'HDF', 'OCC']);
    const again = await call(t, 'POST', '/api/admin/regions', {
      cookie: admin,
      body: { code: 'BRE', name: 'Autre' },
    });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('CONFLICT');
  });

  it.each([
    ['a lower-case code', { code: 'bre', name: 'Bretagne' }],
    ['an empty name', { code: 'BRE', name: '  ' }],
    ['an unknown field', { code: 'BRE', name: 'Bretagne', extra: 1 }],
    ['a number as name', { code: 'BRE', name: 12 }],
  ])('refuses %s with a 400 envelope and writes nothing', async (_what, body) => {
    const admin = await login(t, 'admin@test.test');
    const res = await call(t, 'POST', '/api/admin/regions', { cookie: admin, body });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION_FAILED');
    expect(await regionCodes()).toEqual(['HDF', 'OCC']);
  });

  it.each(['coord@hc.test', 'board@hc.test', 'cress@hdf.test'])(
    'refuses %s with 403',
    async (email) => {
      const cookie = await login(t, email);
      expect((await call(t, 'GET', '/api/admin/regions', { cookie })).status).toBe(403);
      const res = await call(t, 'POST', '/api/admin/regions', {
        cookie,
        body: { code: 'BRE', name: 'Bretagne' },
      });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('FORBIDDEN');
      expect(await regionCodes()).toEqual(['HDF', 'OCC']);
    },
  );
});
