import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, login } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';

let t: TestInstance;
let admin: string;
let cress: string;
let secret: string;
let tokenId: number;
let cressId: number;
beforeEach(async () => {
  t = await createTestInstance();
  admin = await login(t, 'admin@test.test');
  cress = await login(t, 'cress@hdf.test');
  const created = await call(t, 'POST', '/api/tokens', {
    cookie: cress,
    body: { name: 'Export trimestriel' },
  });
  secret = created.json.secret;
  tokenId = created.json.token.id;
  await call(t, 'POST', '/api/tokens', { cookie: admin, body: { name: 'Admin script' } });
  cressId = (
    await t.db
      .selectFrom('users')
      .select('id')
      .where('email', '=', 'cress@hdf.test')
      .executeTakeFirstOrThrow()
  ).id;
});
afterEach(async () => {
  await t.close();
});

describe('admin view of API tokens', () => {
  it('lists every user’s tokens with their owner, never the secret or its hash', async () => {
    const res = await call(t, 'GET', '/api/admin/tokens', { cookie: admin });
    expect(res.status).toBe(200);
    expect(res.json.tokens.map((k: { name: string }) => k.name)).toEqual([
      'Admin script',
      'Export trimestriel',
    ]);
    expect(res.json.tokens[1]).toEqual({
      id: tokenId,
      name: 'Export trimestriel',
      prefix: secret.slice(0, 11),
      createdAt: '2026-11-29T10:00:00.000Z',
      lastUsedAt: null,
      expiresAt: null,
      revokedAt: null,
      user: { id: cressId, email: 'cress@hdf.test', name: 'cress' },
    });
    expect(res.text).not.toContain(secret);
    expect(res.text).not.toContain('hash');
    const mine = await call(t, 'GET', `/api/admin/tokens?user=${cressId}`, { cookie: admin });
    expect(mine.json.tokens.map((k: { id: number }) => k.id)).toEqual([tokenId]);
    const byUser = await call(t, 'GET', `/api/admin/users/${cressId}/tokens`, { cookie: admin });
    expect(byUser.status).toBe(200);
    expect(byUser.json.tokens).toEqual(mine.json.tokens);
  });

  it('revokes another user’s token: it stops working at once', async () => {
    expect((await call(t, 'GET', '/api/poles', { bearer: secret })).status).toBe(200);
    const res = await call(t, 'DELETE', `/api/admin/tokens/${tokenId}`, { cookie: admin });
    expect(res.status).toBe(204);
    expect((await call(t, 'GET', '/api/poles', { bearer: secret })).status).toBe(401);
    const again = await call(t, 'DELETE', `/api/admin/tokens/${tokenId}`, { cookie: admin });
    expect(again.status).toBe(404);
    expect(again.json.error.code).toBe('NOT_FOUND');
  });

  it.each([
    ['GET', '/api/admin/tokens?user=abc', 400],
    ['GET', '/api/admin/tokens?user=1&user=2', 400],
    ['GET', '/api/admin/tokens?owner=1', 400],
    ['GET', '/api/admin/users/9999/tokens', 404],
    ['DELETE', '/api/admin/tokens/0', 400],
    ['DELETE', '/api/admin/tokens/9999', 404],
  ])('%s %s → %i with the envelope, nothing revoked', async (method, path, status) => {
    const res = await call(t, method, path, { cookie: admin });
    expect(res.status).toBe(status);
    expect(res.json.error.code).toEqual(expect.any(String));
    expect((await call(t, 'GET', '/api/poles', { bearer: secret })).status).toBe(200);
  });

  it.each(['coord@hc.test', 'board@hc.test', 'cress@hdf.test'])(
    'refuses %s with 403, its own token untouched',
    async (email) => {
      const cookie = await login(t, email);
      expect((await call(t, 'GET', '/api/admin/tokens', { cookie })).status).toBe(403);
      const res = await call(t, 'DELETE', `/api/admin/tokens/${tokenId}`, { cookie });
      expect(res.status).toBe(403);
      expect(res.json.error.code).toBe('FORBIDDEN');
      expect((await call(t, 'GET', '/api/poles', { bearer: secret })).status).toBe(200);
    },
  );

  it('refuses an admin’s bearer token as well as a cookie-less anonymous call', async () => {
    expect((await call(t, 'GET', '/api/admin/tokens')).status).toBe(401);
    expect((await call(t, 'GET', '/api/admin/tokens', { bearer: secret })).status).toBe(403);
  });
});
