import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';

let t: TestInstance;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestInstance();
  for (const email of [
    'coord@hc.test',
    'board@hc.test',
    'cress@hdf.test',
    'cress@occ.test',
    'admin@test.test',
  ]) {
    cookies[email] = await login(t, email);
  }
});
afterAll(async () => {
  await t.close();
});

const slugs = (json: { poles: Array<{ slug: string }> }) => json.poles.map((p) => p.slug).sort();

describe('poles in scope', () => {
  it.each([
    ['coord@hc.test', ['henin-carvin']],
    ['board@hc.test', ['henin-carvin']],
    ['cress@hdf.test', ['demo-littoral', 'henin-carvin']],
    ['cress@occ.test', ['autre-pole']],
    ['admin@test.test', ['autre-pole', 'demo-littoral', 'henin-carvin']],
  ])('%s sees %j', async (email, expected) => {
    const res = await call(t, 'GET', '/api/poles', { cookie: cookies[email] });
    expect(res.status).toBe(200);
    expect(slugs(res.json)).toEqual(expected);
  });

  it('gives one pole with its scopes and indicators', async () => {
    const res = await call(t, 'GET', '/api/poles/henin-carvin', {
      cookie: cookies['board@hc.test'],
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      slug: 'henin-carvin',
      region: { code: 'HDF' },
      roles: ['board'],
    });
    expect(res.json.scopes.map((s: { slug: string }) => s.slug)).toEqual([
      'transition-ecologique',
      'developpement-social',
      'mobilite-sociale',
      'pole',
    ]);
    expect(res.json.scopes[2].indicators).toContain('MS-SORTIES');
  });

  it('answers 404 (not 403) for a pole out of scope, the same as for a missing one', async () => {
    for (const path of [
      '/api/poles/henin-carvin',
      '/api/poles/henin-carvin/values',
      '/api/poles/henin-carvin/history',
      '/api/poles/henin-carvin/targets?year=2026',
    ]) {
      const out = await call(t, 'GET', path, { cookie: cookies['cress@occ.test'] });
      const none = await call(t, 'GET', path.replace('henin-carvin', 'nexiste-pas'), {
        cookie: cookies['cress@occ.test'],
      });
      expect(out.status).toBe(404);
      expect(out.json).toEqual(none.json);
    }
  });

  it('requires a login', async () => {
    expect((await call(t, 'GET', '/api/poles')).status).toBe(401);
    expect((await call(t, 'GET', '/api/poles/henin-carvin')).status).toBe(401);
  });
});
