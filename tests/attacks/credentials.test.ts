import { changedTables, fingerprint } from '@ptce/server/fuzz/db-fingerprint';
import { call, login } from '@ptce/server/test-support/client';
import {
  createTestInstance,
  PASSWORD,
  type TestInstance,
} from '@ptce/server/test-support/test-instance';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isSharedStateTable } from '../support/database-file';

/**
 * Credentials end when their reason ends: an admin password reset or disabling an account
 * revokes its sessions and API tokens, enabling it revives none; and a token, even an admin's
 * write token, cannot manage accounts, memberships, passwords or tokens.
 */

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

/** A session and a token of `email`, both used once (so the token's caller is cached). */
async function credentialsOf(email: string, write = false) {
  const cookie = await login(t, email);
  const created = await call(t, 'POST', '/api/tokens', {
    cookie,
    body: { name: 'script', write },
  });
  expect(created.status).toBe(201);
  const bearer: string = created.json.secret;
  expect((await call(t, 'GET', '/api/session', { cookie })).status).toBe(200);
  expect((await call(t, 'GET', '/api/poles', { bearer })).status).toBe(200);
  return { cookie, bearer };
}

async function expectRefused(creds: { cookie: string; bearer: string }) {
  for (const who of [{ cookie: creds.cookie }, { bearer: creds.bearer }]) {
    const res = await call(t, 'GET', '/api/poles', who);
    expect(res.status).toBe(401);
    expect(res.json.error.code).toBe('UNAUTHENTICATED');
  }
}

/** The server still answers a cheap request. */
async function expectUp() {
  expect((await call(t, 'GET', '/api/catalogue')).status).toBe(200);
}

describe('an admin password reset', () => {
  it('revokes the user’s sessions and tokens (401 at once, cached or not); the new password works', async () => {
    const cress = await credentialsOf('cress@hdf.test');
    const reset = await call(
      t,
      'PUT',
      `/api/admin/users/${await idOf('cress@hdf.test')}/password`,
      {
        cookie: admin,
        body: { password: 'un-nouveau-mot-de-passe' },
      },
    );
    expect(reset.status).toBe(204);
    await expectRefused(cress);
    const tokens = await t.db.selectFrom('api_tokens').select('revoked_at').execute();
    expect(tokens).toEqual([{ revoked_at: expect.any(String) }]);
    expect((await login(t, 'cress@hdf.test', 'un-nouveau-mot-de-passe')).length).toBeGreaterThan(
      20,
    );
    await expectUp();
  });
});

describe('disabling an account', () => {
  it('revokes its sessions and tokens; enabling it again revives neither', async () => {
    const id = await idOf('coord@hc.test');
    const coord = await credentialsOf('coord@hc.test', true);
    expect(
      (await call(t, 'POST', `/api/admin/users/${id}/disable`, { cookie: admin })).status,
    ).toBe(200);
    await expectRefused(coord);
    expect((await call(t, 'POST', `/api/admin/users/${id}/enable`, { cookie: admin })).status).toBe(
      200,
    );
    await expectRefused(coord);
    const body = {
      period: '2026Q3',
      entries: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 1 }],
    };
    const write = await call(t, 'PUT', '/api/poles/henin-carvin/values', {
      bearer: coord.bearer,
      body,
    });
    expect(write.status).toBe(401);
    expect(await t.db.selectFrom('values').selectAll().execute()).toEqual([]);
    // The owner logs in again: a new session, not the old one.
    expect(await login(t, 'coord@hc.test', PASSWORD)).not.toBe(coord.cookie);
    await expectUp();
  });
});

describe('an admin write token', () => {
  it('cannot manage accounts, memberships, passwords or tokens: 403 with a clear message, nothing changes', async () => {
    const { bearer } = await credentialsOf('admin@test.test', true);
    const target = await idOf('coord@hc.test');
    const tokenId = (await t.db.selectFrom('api_tokens').select('id').executeTakeFirstOrThrow()).id;
    const before = await fingerprint(t);
    const attempts: Array<[string, string, unknown]> = [
      [
        'POST',
        '/api/users',
        {
          email: 'nouvel-admin@evil.example',
          name: 'Intrus',
          password: 'un-mot-de-passe-long',
          memberships: [{ role: 'admin' }],
        },
      ],
      ['GET', '/api/users', undefined],
      ['PUT', `/api/admin/users/${target}/password`, { password: 'un-mot-de-passe-pirate' }],
      ['PATCH', `/api/admin/users/${target}`, { memberships: [{ role: 'admin' }] }],
      ['POST', `/api/admin/users/${target}/disable`, undefined],
      ['GET', `/api/admin/users/${target}/tokens`, undefined],
      ['POST', '/api/tokens', { name: 'encore un', write: true }],
      ['GET', '/api/tokens', undefined],
      ['DELETE', `/api/tokens/${tokenId}`, undefined],
      ['GET', '/api/admin/tokens', undefined],
      ['DELETE', `/api/admin/tokens/${tokenId}`, undefined],
    ];
    for (const [method, path, body] of attempts) {
      const res = await call(t, method, path, { bearer, body });
      expect([method, path, res.status, res.json?.error?.code]).toEqual([
        method,
        path,
        403,
        'FORBIDDEN',
      ]);
      expect(res.json.error.message).toBe(
        'Un jeton d’API ne peut pas gérer les comptes, les rôles, les mots de passe ni les jetons : connectez-vous avec votre mot de passe.',
      );
    }
    const en = await call(t, 'POST', '/api/users', {
      bearer,
      body: attempts[0]![2],
      headers: { 'accept-language': 'en' },
    });
    expect(en.json.error.message).toBe(
      'An API token cannot manage accounts, roles, passwords or tokens: sign in with your password.',
    );
    // Not the servers' shared state on PostgreSQL (data versions, login counters).
    const changed = changedTables(before, await fingerprint(t));
    expect(changed.filter((line) => !isSharedStateTable(line.split(':')[0]!))).toEqual([]);
    // The same token still does what it is for.
    expect((await call(t, 'GET', '/api/poles', { bearer })).status).toBe(200);
    await expectUp();
  });
});
