import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, login } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';

let t: TestInstance;
let admin: string;
beforeEach(async () => {
  t = await createTestInstance();
  admin = await login(t, 'admin@test.test');
});
afterEach(async () => {
  await t.close();
});

const newPole = {
  slug: 'pole-neuf',
  name: 'PTCE Pôle neuf',
  territory: 'Communauté de communes test',
  region: 'HDF',
};
const poleCount = async () =>
  Number(
    (
      await t.db
        .selectFrom('poles')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('POST /api/admin/poles', () => {
  it('creates a pole with its pole scope, seen by the CRESS of its region', async () => {
    const res = await call(t, 'POST', '/api/admin/poles', { cookie: admin, body: newPole });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      pole: {
        slug: 'pole-neuf',
        name: 'PTCE Pôle neuf',
        territory: 'Communauté de communes test',
        region: { code: 'HDF', name: 'Hauts-de-France' },
        scopes: [{ slug: 'pole', name: 'Pôle', kind: 'pole', indicators: [] }],
      },
    });
    const cress = await login(t, 'cress@hdf.test');
    const seen = await call(t, 'GET', '/api/poles/pole-neuf', { cookie: cress });
    expect(seen.status).toBe(200);
    expect(seen.json.roles).toEqual(['cress']);
    const occ = await login(t, 'cress@occ.test');
    expect((await call(t, 'GET', '/api/poles/pole-neuf', { cookie: occ })).status).toBe(404);
  });

  it('answers 409 for a taken slug and 422 for an unknown region, writing nothing', async () => {
    const taken = await call(t, 'POST', '/api/admin/poles', {
      cookie: admin,
      body: { ...newPole, slug: 'henin-carvin' },
    });
    expect(taken.status).toBe(409);
    expect(taken.json.error.code).toBe('CONFLICT');
    const region = await call(t, 'POST', '/api/admin/poles', {
      cookie: admin,
      body: { ...newPole, region: 'XYZ' },
    });
    expect(region.status).toBe(422);
    expect(region.json.error).toMatchObject({
      code: 'INVALID_ENTRIES',
      issues: [{ path: ['region'], code: 'unknown_region' }],
    });
    expect(await poleCount()).toBe(3);
  });

  it.each([
    ['a slug with capitals', { ...newPole, slug: 'Pole-Neuf' }],
    ['a missing territory', { slug: 'a', name: 'b', region: 'HDF' }],
    ['an unknown field', { ...newPole, id: 3 }],
    ['a JSON array', [newPole]],
  ])('refuses %s with 400 and writes nothing', async (_what, body) => {
    const res = await call(t, 'POST', '/api/admin/poles', { cookie: admin, body });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION_FAILED');
    expect(await poleCount()).toBe(3);
  });
});

describe('PATCH /api/admin/poles/{pole}', () => {
  it('renames a pole and moves it to another region; the slug stays', async () => {
    const res = await call(t, 'PATCH', '/api/admin/poles/demo-littoral', {
      cookie: admin,
      body: { name: 'PTCE Littoral', region: 'OCC' },
    });
    expect(res.status).toBe(200);
    expect(res.json.pole).toMatchObject({
      slug: 'demo-littoral',
      name: 'PTCE Littoral',
      territory: 'Test',
      region: { code: 'OCC', name: 'Occitanie' },
    });
    const occ = await login(t, 'cress@occ.test');
    expect((await call(t, 'GET', '/api/poles/demo-littoral', { cookie: occ })).status).toBe(200);
  });

  it('refuses bad input, unknown poles and regions, leaving the pole as it was', async () => {
    const cases: Array<[string, unknown, number]> = [
      ['/api/admin/poles/demo-littoral', {}, 400],
      ['/api/admin/poles/demo-littoral', { slug: 'autre' }, 400],
      ['/api/admin/poles/demo-littoral', { name: '' }, 400],
      ['/api/admin/poles/demo-littoral', { name: 'X', region: 'XYZ' }, 422],
      ['/api/admin/poles/nexiste-pas', { name: 'X' }, 404],
    ];
    for (const [path, body, status] of cases) {
      const res = await call(t, 'PATCH', path, { cookie: admin, body });
      expect([path, body, res.status]).toEqual([path, body, status]);
      expect(res.json.error.code).toEqual(expect.any(String));
    }
    const row = await t.db
      .selectFrom('poles')
      .select(['name', 'region_code'])
      .where('slug', '=', 'demo-littoral')
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ name: 'Démo Littoral', region_code: 'HDF' });
  });
});

describe('pole admin access', () => {
  it.each(['coord@hc.test', 'board@hc.test', 'cress@hdf.test'])(
    'refuses %s with 403 before looking anything up',
    async (email) => {
      const cookie = await login(t, email);
      const create = await call(t, 'POST', '/api/admin/poles', { cookie, body: newPole });
      expect(create.status).toBe(403);
      for (const slug of ['henin-carvin', 'nexiste-pas']) {
        const res = await call(t, 'PATCH', `/api/admin/poles/${slug}`, {
          cookie,
          body: { name: 'Piraté' },
        });
        expect(res.status).toBe(403);
        expect(res.json.error.code).toBe('FORBIDDEN');
      }
      expect(await poleCount()).toBe(3);
    },
  );

  it('answers 401 without a login', async () => {
    expect((await call(t, 'POST', '/api/admin/poles', { body: newPole })).status).toBe(401);
  });
});
