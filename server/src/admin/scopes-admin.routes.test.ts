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

const HC = '/api/admin/poles/henin-carvin/scopes';
const scopeSlugs = async () =>
  (
    await t.db
      .selectFrom('working_groups')
      .select('slug')
      .where('pole_id', '=', t.poleIds.get('henin-carvin')!)
      .orderBy('id')
      .execute()
  ).map((r) => r.slug);
const tracked = async (scope: string) =>
  (
    await t.db
      .selectFrom('tracked_indicators as t')
      .innerJoin('working_groups as g', 'g.id', 't.group_id')
      .select('t.indicator_code')
      .where('g.pole_id', '=', t.poleIds.get('henin-carvin')!)
      .where('g.slug', '=', scope)
      .orderBy('t.position')
      .execute()
  ).map((r) => r.indicator_code);

describe('POST /api/admin/poles/{pole}/scopes', () => {
  it('adds a working group after the others, tracking the given indicators', async () => {
    const res = await call(t, 'POST', HC, {
      cookie: admin,
      body: {
        slug: 'alimentation',
        name: 'Alimentation durable',
        indicators: ['TE-DECHETS-COLLECTES'],
      },
    });
    expect(res.status).toBe(201);
    expect(res.json).toEqual({
      scope: {
        slug: 'alimentation',
        name: 'Alimentation durable',
        kind: 'group',
        indicators: ['TE-DECHETS-COLLECTES'],
      },
    });
    const pole = await call(t, 'GET', '/api/poles/henin-carvin', { cookie: admin });
    expect(pole.json.scopes.map((s: { slug: string }) => s.slug)).toEqual([
      'transition-ecologique',
      'developpement-social',
      'mobilite-sociale',
      'alimentation',
      'pole',
    ]);
  });

  it.each([
    ['pole', 400],
    ['transversal', 400],
    ['non_renseigne', 400],
    ['Majuscules', 400],
    ['mobilite-sociale', 409],
  ])('refuses the slug %s (%i) and writes nothing', async (slug, status) => {
    const res = await call(t, 'POST', HC, { cookie: admin, body: { slug, name: 'Groupe' } });
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(status === 409 ? 'CONFLICT' : 'VALIDATION_FAILED');
    expect(await scopeSlugs()).toHaveLength(4);
  });

  it('refuses unknown indicators with 422 and creates no group', async () => {
    const res = await call(t, 'POST', HC, {
      cookie: admin,
      body: {
        slug: 'alimentation',
        name: 'Alimentation',
        indicators: ['TE-DECHETS-COLLECTES', 'XX-NOPE'],
      },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.issues).toEqual([
      expect.objectContaining({ path: ['indicators', 1], code: 'unknown_indicator' }),
    ]);
    expect(await scopeSlugs()).not.toContain('alimentation');
  });

  it('answers 404 for an unknown pole', async () => {
    const res = await call(t, 'POST', '/api/admin/poles/nexiste-pas/scopes', {
      cookie: admin,
      body: { slug: 'a', name: 'A' },
    });
    expect(res.status).toBe(404);
  });
});

describe('PATCH /api/admin/poles/{pole}/scopes/{scope}', () => {
  it('renames a group or the pole scope; the slug stays', async () => {
    const res = await call(t, 'PATCH', `${HC}/mobilite-sociale`, {
      cookie: admin,
      body: { name: 'Mobilité sociale et emploi' },
    });
    expect(res.status).toBe(200);
    expect(res.json.scope).toMatchObject({
      slug: 'mobilite-sociale',
      name: 'Mobilité sociale et emploi',
      kind: 'group',
    });
    const pole = await call(t, 'PATCH', `${HC}/pole`, {
      cookie: admin,
      body: { name: 'Pôle (transversal)' },
    });
    expect(pole.json.scope).toMatchObject({ slug: 'pole', kind: 'pole' });
  });

  it('refuses a slug change, an empty name and an unknown scope', async () => {
    for (const [path, body, status] of [
      [`${HC}/mobilite-sociale`, { slug: 'autre', name: 'X' }, 400],
      [`${HC}/mobilite-sociale`, { name: '' }, 400],
      [`${HC}/nexiste-pas`, { name: 'X' }, 404],
    ] as const) {
      const res = await call(t, 'PATCH', path, { cookie: admin, body });
      expect(res.status).toBe(status);
      expect(res.json.error.code).toEqual(expect.any(String));
    }
    const row = await t.db
      .selectFrom('working_groups')
      .select('name')
      .where('slug', '=', 'mobilite-sociale')
      .where('pole_id', '=', t.poleIds.get('henin-carvin')!)
      .executeTakeFirstOrThrow();
    expect(row.name).not.toBe('X');
  });
});

describe('PUT /api/admin/poles/{pole}/scopes/{scope}/indicators', () => {
  it('replaces the tracked list in order; values of a removed indicator stay', async () => {
    const coord = await login(t, 'coord@hc.test');
    const saved = await call(t, 'PUT', '/api/poles/henin-carvin/values', {
      cookie: coord,
      body: {
        period: '2026Q3',
        entries: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 2 }],
      },
    });
    expect(saved.status).toBe(200);
    const res = await call(t, 'PUT', `${HC}/pole/indicators`, {
      cookie: admin,
      body: { indicators: ['PTCE-REUNIONS', 'PTCE-MEMBRES'] },
    });
    expect(res.status).toBe(200);
    expect(res.json.scope).toEqual({
      slug: 'pole',
      name: 'Pôle',
      kind: 'pole',
      indicators: ['PTCE-REUNIONS', 'PTCE-MEMBRES'],
    });
    expect(await tracked('pole')).toEqual(['PTCE-REUNIONS', 'PTCE-MEMBRES']);
    const values = await call(t, 'GET', '/api/poles/henin-carvin/values?from=2026Q3&to=2026Q3', {
      cookie: coord,
    });
    expect(values.json.values).toEqual([
      expect.objectContaining({ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 2 }),
    ]);
    const again = await call(t, 'PUT', `${HC}/pole/indicators`, {
      cookie: admin,
      body: { indicators: [] },
    });
    expect(again.json.scope.indicators).toEqual([]);
  });

  it('keeps a retired indicator where it is tracked but never adds one', async () => {
    const before = await tracked('mobilite-sociale');
    const code = before[0]!;
    await t.db.updateTable('indicators').set({ retired: 1 }).where('code', '=', code).execute();
    t.deps.catalogue.invalidate();
    const keep = await call(t, 'PUT', `${HC}/mobilite-sociale/indicators`, {
      cookie: admin,
      body: { indicators: [code] },
    });
    expect(keep.status).toBe(200);
    const add = await call(t, 'PUT', `${HC}/transition-ecologique/indicators`, {
      cookie: admin,
      body: { indicators: [code] },
    });
    expect(add.status).toBe(422);
    expect(add.json.error.issues[0]).toMatchObject({ code: 'retired_indicator', indicator: code });
  });

  it.each([
    ['an unknown code', { indicators: ['PTCE-REUNIONS', 'ZZ-INCONNU'] }, 422],
    ['a duplicate', { indicators: ['PTCE-REUNIONS', 'PTCE-REUNIONS'] }, 400],
    ['a malformed code', { indicators: ['ptce-reunions'] }, 400],
    ['no list', {}, 400],
    ['a string', { indicators: 'PTCE-REUNIONS' }, 400],
  ])('refuses %s (%i) and leaves the list unchanged', async (_what, body, status) => {
    const before = await tracked('pole');
    const res = await call(t, 'PUT', `${HC}/pole/indicators`, { cookie: admin, body });
    expect(res.status).toBe(status);
    expect(res.json.error.code).toEqual(expect.any(String));
    expect(await tracked('pole')).toEqual(before);
  });
});

describe('scope admin access', () => {
  it.each(['coord@hc.test', 'board@hc.test', 'cress@hdf.test'])(
    'refuses %s with 403 and changes nothing',
    async (email) => {
      const cookie = await login(t, email);
      const before = await tracked('pole');
      const requests: Array<[string, string, unknown]> = [
        ['POST', HC, { slug: 'alimentation', name: 'A' }],
        ['PATCH', `${HC}/pole`, { name: 'Piraté' }],
        ['PUT', `${HC}/pole/indicators`, { indicators: [] }],
      ];
      for (const [method, path, body] of requests) {
        const res = await call(t, method, path, { cookie, body });
        expect(res.status).toBe(403);
      }
      expect(await scopeSlugs()).toHaveLength(4);
      expect(await tracked('pole')).toEqual(before);
    },
  );
});
