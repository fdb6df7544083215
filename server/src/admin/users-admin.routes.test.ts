import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, login } from '../test-support/client';
import { createTestInstance, PASSWORD, type TestInstance } from '../test-support/test-instance';

let t: TestInstance;
let admin: string;
beforeEach(async () => {
  t = await createTestInstance();
  admin = await login(t, 'admin@test.test');
});
afterEach(async () => {
  await t.close();
});

const idOf = async (email: string) =>
  (await t.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow())
    .id;
const membershipsOf = async (email: string) =>
  (
    await t.db
      .selectFrom('memberships as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select(['m.role', 'm.pole_id', 'm.region_code'])
      .where('u.email', '=', email)
      .orderBy('m.id')
      .execute()
  ).map((m) => `${m.role}:${m.pole_id ?? m.region_code ?? ''}`);

describe('PATCH /api/admin/users/{id}', () => {
  it('renames and replaces memberships; the new grants apply at the next request', async () => {
    const id = await idOf('coord@littoral.test');
    const coord = await login(t, 'coord@littoral.test');
    const res = await call(t, 'PATCH', `/api/admin/users/${id}`, {
      cookie: admin,
      body: {
        name: 'Coordination Hénin et Littoral',
        memberships: [
          { role: 'coordinator', pole: 'demo-littoral' },
          { role: 'board', pole: 'henin-carvin' },
        ],
      },
    });
    expect(res.status).toBe(200);
    expect(res.json.user).toMatchObject({
      id,
      email: 'coord@littoral.test',
      name: 'Coordination Hénin et Littoral',
      disabledAt: null,
      memberships: [
        { role: 'coordinator', pole: 'demo-littoral', region: null },
        { role: 'board', pole: 'henin-carvin', region: null },
      ],
    });
    const poles = await call(t, 'GET', '/api/poles', { cookie: coord });
    expect(poles.json.poles.map((p: { slug: string }) => p.slug).sort()).toEqual([
      'demo-littoral',
      'henin-carvin',
    ]);
  });

  it('refuses bad input with the envelope and changes nothing', async () => {
    const id = await idOf('coord@littoral.test');
    const cases: Array<[string, unknown, number, string]> = [
      [`/api/admin/users/${id}`, {}, 400, 'VALIDATION_FAILED'],
      [`/api/admin/users/${id}`, { email: 'x@y.test' }, 400, 'VALIDATION_FAILED'],
      [
        `/api/admin/users/${id}`,
        { memberships: [{ role: 'coordinator' }] },
        400,
        'VALIDATION_FAILED',
      ],
      [
        `/api/admin/users/${id}`,
        {
          memberships: [
            { role: 'board', pole: 'henin-carvin' },
            { role: 'board', pole: 'henin-carvin' },
          ],
        },
        400,
        'VALIDATION_FAILED',
      ],
      [
        `/api/admin/users/${id}`,
        { name: 'Nouveau nom', memberships: [{ role: 'board', pole: 'nulle-part' }] },
        422,
        'INVALID_ENTRIES',
      ],
      ['/api/admin/users/9999', { name: 'X' }, 404, 'NOT_FOUND'],
      ['/api/admin/users/1e3', { name: 'X' }, 400, 'VALIDATION_FAILED'],
      ['/api/admin/users/-1', { name: 'X' }, 400, 'VALIDATION_FAILED'],
    ];
    for (const [path, body, status, code] of cases) {
      const res = await call(t, 'PATCH', path, { cookie: admin, body });
      expect([path, res.status, res.json?.error?.code]).toEqual([path, status, code]);
    }
    const row = await t.db
      .selectFrom('users')
      .select('name')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.name).toBe('coord');
    expect(await membershipsOf('coord@littoral.test')).toEqual([
      `coordinator:${t.poleIds.get('demo-littoral')}`,
    ]);
  });

  it('never leaves the instance without an enabled admin', async () => {
    const self = await idOf('admin@test.test');
    const res = await call(t, 'PATCH', `/api/admin/users/${self}`, {
      cookie: admin,
      body: { memberships: [{ role: 'cress', region: 'HDF' }] },
    });
    expect(res.status).toBe(422);
    expect(res.json.error).toMatchObject({
      code: 'INVALID_STATE',
      message: 'Il doit rester au moins un compte administrateur actif.',
    });
    expect(await membershipsOf('admin@test.test')).toEqual(['admin:']);
  });
});

describe('disable and enable', () => {
  it('revokes the sessions and tokens of a disabled account; enabling revives neither', async () => {
    const id = await idOf('cress@hdf.test');
    const cress = await login(t, 'cress@hdf.test');
    const token = (await call(t, 'POST', '/api/tokens', { cookie: cress, body: { name: 'x' } }))
      .json.secret;
    expect((await call(t, 'GET', '/api/poles', { bearer: token })).status).toBe(200);

    const off = await call(t, 'POST', `/api/admin/users/${id}/disable`, { cookie: admin });
    expect(off.status).toBe(200);
    expect(off.json.user.disabledAt).toBe('2026-11-29T10:00:00.000Z');
    expect((await call(t, 'GET', '/api/poles', { cookie: cress })).status).toBe(401);
    expect((await call(t, 'GET', '/api/poles', { bearer: token })).status).toBe(401);
    const refused = await call(t, 'POST', '/api/session', {
      body: { email: 'cress@hdf.test', password: PASSWORD },
    });
    expect(refused.status).toBe(401);

    const on = await call(t, 'POST', `/api/admin/users/${id}/enable`, { cookie: admin, body: {} });
    expect(on.status).toBe(200);
    expect(on.json.user.disabledAt).toBeNull();
    expect((await call(t, 'GET', '/api/poles', { cookie: cress })).status).toBe(401);
    expect((await call(t, 'GET', '/api/poles', { bearer: token })).status).toBe(401);
    const tokens = await t.db.selectFrom('api_tokens').select('revoked_at').execute();
    expect(tokens).toEqual([{ revoked_at: '2026-11-29T10:00:00.000Z' }]);
    expect((await login(t, 'cress@hdf.test')).startsWith('ptce_session=')).toBe(true);
  });

  it('refuses disabling oneself, a body with fields, and unknown accounts', async () => {
    const self = await idOf('admin@test.test');
    const own = await call(t, 'POST', `/api/admin/users/${self}/disable`, { cookie: admin });
    expect(own.status).toBe(422);
    expect(own.json.error.code).toBe('INVALID_STATE');
    const id = await idOf('board@hc.test');
    const withBody = await call(t, 'POST', `/api/admin/users/${id}/disable`, {
      cookie: admin,
      body: { now: true },
    });
    expect(withBody.status).toBe(400);
    const text = await call(t, 'POST', `/api/admin/users/${id}/disable`, {
      cookie: admin,
      raw: 'oui',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.status).toBe(415);
    expect((await call(t, 'POST', '/api/admin/users/9999/disable', { cookie: admin })).status).toBe(
      404,
    );
    const rows = await t.db
      .selectFrom('users')
      .select('id')
      .where('disabled_at', 'is not', null)
      .execute();
    expect(rows).toEqual([]);
  });
});

describe('PUT /api/admin/users/{id}/password', () => {
  it('sets a new password, ends the user’s sessions and lifts a login lock-out', async () => {
    const id = await idOf('board@hc.test');
    const board = await login(t, 'board@hc.test');
    for (let i = 0; i < 5; i++)
      await call(t, 'POST', '/api/session', { body: { email: 'board@hc.test', password: 'faux' } });
    const res = await call(t, 'PUT', `/api/admin/users/${id}/password`, {
      cookie: admin,
      body: { password: 'un-nouveau-mot-de-passe' },
    });
    expect(res.status).toBe(204);
    expect((await call(t, 'GET', '/api/session', { cookie: board })).status).toBe(401);
    await expect(login(t, 'board@hc.test')).rejects.toThrow(/401/);
    expect((await login(t, 'board@hc.test', 'un-nouveau-mot-de-passe')).length).toBeGreaterThan(20);
    const row = await t.db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$/);
  });

  it('keeps the admin’s own current session when resetting their own password', async () => {
    const self = await idOf('admin@test.test');
    const res = await call(t, 'PUT', `/api/admin/users/${self}/password`, {
      cookie: admin,
      body: { password: 'un-autre-mot-de-passe' },
    });
    expect(res.status).toBe(204);
    expect((await call(t, 'GET', '/api/session', { cookie: admin })).status).toBe(200);
  });

  it.each([
    ['a short password', { password: 'court' }],
    ['no password', {}],
    ['an extra field', { password: 'un-nouveau-mot-de-passe', notify: true }],
  ])('refuses %s with 400 and keeps the old password', async (_what, body) => {
    const id = await idOf('board@hc.test');
    const res = await call(t, 'PUT', `/api/admin/users/${id}/password`, { cookie: admin, body });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION_FAILED');
    expect((await login(t, 'board@hc.test')).length).toBeGreaterThan(20);
  });
});

describe('user admin access', () => {
  it.each(['coord@hc.test', 'board@hc.test', 'cress@hdf.test'])(
    'refuses %s with 403 and changes nothing',
    async (email) => {
      const cookie = await login(t, email);
      const target = await idOf('coord@littoral.test');
      const requests: Array<[string, string, unknown]> = [
        ['PATCH', `/api/admin/users/${target}`, { name: 'Piraté' }],
        ['POST', `/api/admin/users/${target}/disable`, undefined],
        ['POST', `/api/admin/users/${target}/enable`, undefined],
        ['PUT', `/api/admin/users/${target}/password`, { password: 'un-mot-de-passe-pirate' }],
        ['GET', `/api/admin/users/${target}/tokens`, undefined],
      ];
      for (const [method, path, body] of requests) {
        const res = await call(t, method, path, { cookie, body });
        expect([method, path, res.status]).toEqual([method, path, 403]);
      }
      const row = await t.db
        .selectFrom('users')
        .select(['name', 'disabled_at'])
        .where('id', '=', target)
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ name: 'coord', disabled_at: null });
      expect((await login(t, 'coord@littoral.test')).length).toBeGreaterThan(20);
    },
  );
});
