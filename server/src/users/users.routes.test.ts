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

const newUser = {
  email: 'Nouvelle@Pole.test',
  name: 'Nouvelle coordinatrice',
  password: 'un-mot-de-passe-long',
  memberships: [{ role: 'coordinator', pole: 'demo-littoral' }],
};

describe('/api/users', () => {
  it('lets an admin create an account that can then log in, password never stored in clear', async () => {
    const admin = await login(t, 'admin@test.test');
    const res = await call(t, 'POST', '/api/users', { cookie: admin, body: newUser });
    expect(res.status).toBe(201);
    expect(res.json.user).toMatchObject({
      email: 'nouvelle@pole.test',
      memberships: [{ role: 'coordinator', pole: 'demo-littoral', region: null }],
    });
    expect(JSON.stringify(res.json)).not.toContain('password');
    const row = await t.db
      .selectFrom('users')
      .select('password_hash')
      .where('email', '=', 'nouvelle@pole.test')
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$/);
    expect(row.password_hash).not.toContain(newUser.password);
    const cookie = await login(t, 'nouvelle@pole.test', newUser.password);
    const poles = await call(t, 'GET', '/api/poles', { cookie });
    expect(poles.json.poles.map((p: { slug: string }) => p.slug)).toEqual(['demo-littoral']);
    const list = await call(t, 'GET', '/api/users', { cookie: admin });
    expect(list.json.users).toHaveLength(8);
    expect((await call(t, 'POST', '/api/users', { cookie: admin, body: newUser })).status).toBe(
      409,
    );
  });

  it('refuses bad memberships and unknown poles', async () => {
    const admin = await login(t, 'admin@test.test');
    const noPole = await call(t, 'POST', '/api/users', {
      cookie: admin,
      body: { ...newUser, memberships: [{ role: 'coordinator' }] },
    });
    expect(noPole.status).toBe(400);
    const unknown = await call(t, 'POST', '/api/users', {
      cookie: admin,
      body: { ...newUser, memberships: [{ role: 'board', pole: 'nulle-part' }] },
    });
    expect(unknown.status).toBe(422);
    const short = await call(t, 'POST', '/api/users', {
      cookie: admin,
      body: { ...newUser, password: 'court' },
    });
    expect(short.status).toBe(400);
    expect(
      await t.db
        .selectFrom('users')
        .select('id')
        .where('email', '=', 'nouvelle@pole.test')
        .execute(),
    ).toEqual([]);
  });

  it.each(['coord@hc.test', 'board@hc.test', 'cress@hdf.test'])(
    'refuses %s with 403',
    async (email) => {
      const cookie = await login(t, email);
      expect((await call(t, 'GET', '/api/users', { cookie })).status).toBe(403);
      expect((await call(t, 'POST', '/api/users', { cookie, body: newUser })).status).toBe(403);
    },
  );
});
