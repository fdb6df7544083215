import { afterAll, describe, expect, it } from 'vitest';
import { recordTransition } from '../periods/periods.repository';
import { call, login } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';

type Who = 'coordinator' | 'board' | 'cress' | 'admin' | 'cressOther' | 'anonymous';
/** Callers whose expected statuses follow from the table by a stated rule (see DERIVED). */
type Derived = 'coordOtherPole' | 'expiredSession' | 'revokedToken' | 'adminWriteToken';
const EMAIL: Record<Exclude<Who, 'anonymous'>, string> = {
  coordinator: 'coord@hc.test',
  board: 'board@hc.test',
  cress: 'cress@hdf.test',
  admin: 'admin@test.test',
  cressOther: 'cress@occ.test',
};

const HC = '/api/poles/henin-carvin';
const value = {
  period: '2026Q3',
  entries: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 2 }],
};
const target = {
  year: 2026,
  targets: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 12 }],
};
const user = { email: 'x@y.test', name: 'X', password: 'long-enough-password', memberships: [] };

/**
 * Every endpoint × caller, on the pole henin-carvin (region HDF); `cressOther` is a CRESS of OCC.
 * User 6 is coord@other.test; token 1 is the one `POST /api/tokens` created just before.
 */
/** A raw CSV upload (not JSON): the body of the import rows. */
const CSV = {
  raw: 'scope,indicator,slice,value\r\npole,PTCE-EVENEMENTS,,3\r\n',
  headers: { 'content-type': 'text/csv' },
};
const EXPORT = '/api/exports/values?format=csv&from=2026Q1&to=2026Q2';

const MATRIX: Array<[string, string, unknown, Record<Who, number>]> = [
  [
    'POST',
    '/api/session',
    { email: 'nobody@x.test', password: 'wrong' },
    { coordinator: 401, board: 401, cress: 401, admin: 401, cressOther: 401, anonymous: 401 },
  ],
  [
    'GET',
    '/api/openapi.json',
    undefined,
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 200, anonymous: 200 },
  ],
  [
    'GET',
    '/api/docs',
    undefined,
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 200, anonymous: 200 },
  ],
  [
    'GET',
    EXPORT,
    undefined,
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 200, anonymous: 401 },
  ],
  [
    'GET',
    `${EXPORT}&poles=henin-carvin`,
    undefined,
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 404, anonymous: 401 },
  ],
  [
    'GET',
    '/api/exports/manifest?from=2026Q1&to=2026Q2',
    undefined,
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 200, anonymous: 401 },
  ],
  [
    'GET',
    `${HC}/template.xlsx?period=2026Q3`,
    undefined,
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 404, anonymous: 401 },
  ],
  [
    'POST',
    `${HC}/import?period=2026Q3&dryRun=true`,
    CSV,
    { coordinator: 200, board: 403, cress: 403, admin: 403, cressOther: 404, anonymous: 401 },
  ],
  [
    'GET',
    '/api/catalogue',
    undefined,
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 200, anonymous: 200 },
  ],
  [
    'GET',
    '/api/session',
    undefined,
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 200, anonymous: 401 },
  ],
  [
    'GET',
    '/api/poles',
    undefined,
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 200, anonymous: 401 },
  ],
  [
    'GET',
    HC,
    undefined,
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 404, anonymous: 401 },
  ],
  [
    'GET',
    `${HC}/values?from=2026Q1`,
    undefined,
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 404, anonymous: 401 },
  ],
  [
    'GET',
    `${HC}/series?from=2026Q1&to=2026Q2`,
    undefined,
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 404, anonymous: 401 },
  ],
  [
    'PUT',
    `${HC}/values`,
    value,
    { coordinator: 200, board: 403, cress: 403, admin: 403, cressOther: 404, anonymous: 401 },
  ],
  [
    'GET',
    `${HC}/history`,
    undefined,
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 404, anonymous: 401 },
  ],
  [
    'GET',
    `${HC}/periods/2026Q3/narrative`,
    undefined,
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 404, anonymous: 401 },
  ],
  [
    'PUT',
    `${HC}/periods/2026Q3/narrative`,
    { text: 'Forum' },
    { coordinator: 200, board: 403, cress: 403, admin: 200, cressOther: 404, anonymous: 401 },
  ],
  [
    'GET',
    `${HC}/periods/2026Q3/narrative/history`,
    undefined,
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 404, anonymous: 401 },
  ],
  [
    'GET',
    `${HC}/targets?year=2026`,
    undefined,
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 404, anonymous: 401 },
  ],
  [
    'PUT',
    `${HC}/targets`,
    target,
    { coordinator: 200, board: 403, cress: 403, admin: 403, cressOther: 404, anonymous: 401 },
  ],
  [
    'GET',
    `${HC}/periods?from=2026Q1`,
    undefined,
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 404, anonymous: 401 },
  ],
  [
    'GET',
    `${HC}/periods/2025Q4/events`,
    undefined,
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 404, anonymous: 401 },
  ],
  [
    'GET',
    `${HC}/periods/2025Q4/quality`,
    undefined,
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 404, anonymous: 401 },
  ],
  [
    'GET',
    '/api/regions/HDF/quality',
    undefined,
    { coordinator: 404, board: 404, cress: 200, admin: 200, cressOther: 404, anonymous: 401 },
  ],
  [
    'GET',
    '/api/regions/HDF/values?from=2026Q1&to=2026Q2',
    undefined,
    { coordinator: 404, board: 404, cress: 200, admin: 200, cressOther: 404, anonymous: 401 },
  ],
  [
    'POST',
    `${HC}/periods/2026Q1/submit`,
    undefined,
    { coordinator: 200, board: 403, cress: 403, admin: 403, cressOther: 404, anonymous: 401 },
  ],
  [
    'POST',
    `${HC}/periods/2025Q4/validate`,
    undefined,
    { coordinator: 403, board: 403, cress: 200, admin: 403, cressOther: 404, anonymous: 401 },
  ],
  [
    'POST',
    `${HC}/periods/2025Q3/reopen`,
    { reason: 'Correction demandée' },
    { coordinator: 403, board: 403, cress: 200, admin: 200, cressOther: 404, anonymous: 401 },
  ],
  [
    'GET',
    '/api/users',
    undefined,
    { coordinator: 403, board: 403, cress: 403, admin: 200, cressOther: 403, anonymous: 401 },
  ],
  [
    'POST',
    '/api/users',
    user,
    { coordinator: 403, board: 403, cress: 403, admin: 201, cressOther: 403, anonymous: 401 },
  ],
  [
    'GET',
    '/api/tokens',
    undefined,
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 200, anonymous: 401 },
  ],
  [
    'POST',
    '/api/tokens',
    { name: 'script' },
    { coordinator: 201, board: 201, cress: 201, admin: 201, cressOther: 201, anonymous: 401 },
  ],
  [
    'DELETE',
    '/api/tokens/999',
    undefined,
    { coordinator: 404, board: 404, cress: 404, admin: 404, cressOther: 404, anonymous: 401 },
  ],
  [
    'GET',
    '/api/admin/regions',
    undefined,
    { coordinator: 403, board: 403, cress: 403, admin: 200, cressOther: 403, anonymous: 401 },
  ],
  [
    'POST',
    '/api/admin/regions',
    { code: 'BRE', name: 'Bretagne' },
    { coordinator: 403, board: 403, cress: 403, admin: 201, cressOther: 403, anonymous: 401 },
  ],
  [
    'POST',
    '/api/admin/poles',
    { slug: 'pole-neuf', name: 'Pôle neuf', territory: 'T', region: 'HDF' },
    { coordinator: 403, board: 403, cress: 403, admin: 201, cressOther: 403, anonymous: 401 },
  ],
  [
    'PATCH',
    '/api/admin/poles/henin-carvin',
    { territory: 'CAHC' },
    { coordinator: 403, board: 403, cress: 403, admin: 200, cressOther: 403, anonymous: 401 },
  ],
  [
    'POST',
    '/api/admin/poles/henin-carvin/scopes',
    { slug: 'alimentation', name: 'Alimentation' },
    { coordinator: 403, board: 403, cress: 403, admin: 201, cressOther: 403, anonymous: 401 },
  ],
  [
    'PATCH',
    '/api/admin/poles/henin-carvin/scopes/alimentation',
    { name: 'Alimentation durable' },
    { coordinator: 403, board: 403, cress: 403, admin: 200, cressOther: 403, anonymous: 401 },
  ],
  [
    'PUT',
    '/api/admin/poles/henin-carvin/scopes/pole/indicators',
    { indicators: ['PTCE-EVENEMENTS', 'PTCE-MEMBRES'] },
    { coordinator: 403, board: 403, cress: 403, admin: 200, cressOther: 403, anonymous: 401 },
  ],
  [
    'PATCH',
    '/api/admin/users/6',
    { name: 'Autre coordination' },
    { coordinator: 403, board: 403, cress: 403, admin: 200, cressOther: 403, anonymous: 401 },
  ],
  [
    'POST',
    '/api/admin/users/6/disable',
    undefined,
    { coordinator: 403, board: 403, cress: 403, admin: 200, cressOther: 403, anonymous: 401 },
  ],
  [
    'POST',
    '/api/admin/users/6/enable',
    undefined,
    { coordinator: 403, board: 403, cress: 403, admin: 200, cressOther: 403, anonymous: 401 },
  ],
  [
    'PUT',
    '/api/admin/users/6/password',
    { password: 'un-nouveau-mot-de-passe' },
    { coordinator: 403, board: 403, cress: 403, admin: 204, cressOther: 403, anonymous: 401 },
  ],
  [
    'GET',
    '/api/admin/users/6/tokens',
    undefined,
    { coordinator: 403, board: 403, cress: 403, admin: 200, cressOther: 403, anonymous: 401 },
  ],
  [
    'GET',
    '/api/admin/tokens',
    undefined,
    { coordinator: 403, board: 403, cress: 403, admin: 200, cressOther: 403, anonymous: 401 },
  ],
  [
    'DELETE',
    '/api/admin/tokens/1',
    undefined,
    { coordinator: 403, board: 403, cress: 403, admin: 204, cressOther: 403, anonymous: 401 },
  ],
  // Notifications: each caller's own (issue 14); the outbox is the admin's.
  [
    'GET',
    '/api/notifications?unread=true',
    undefined,
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 200, anonymous: 401 },
  ],
  [
    'GET',
    '/api/notifications/unread-count',
    undefined,
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 200, anonymous: 401 },
  ],
  [
    'POST',
    '/api/notifications/read',
    {},
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 200, anonymous: 401 },
  ],
  [
    'GET',
    '/api/notifications/preferences',
    undefined,
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 200, anonymous: 401 },
  ],
  [
    'PUT',
    '/api/notifications/preferences',
    { lang: 'fr' },
    { coordinator: 200, board: 200, cress: 200, admin: 200, cressOther: 200, anonymous: 401 },
  ],
  [
    'GET',
    '/api/notifications/outbox',
    undefined,
    { coordinator: 403, board: 403, cress: 403, admin: 200, cressOther: 403, anonymous: 401 },
  ],
  [
    'DELETE',
    '/api/session',
    undefined,
    { coordinator: 204, board: 204, cress: 204, admin: 204, cressOther: 204, anonymous: 204 },
  ],
];

const instances: TestInstance[] = [];
afterAll(async () => {
  for (const t of instances) await t.close();
});

/**
 * - coordOtherPole: the coordinator of another pole of the same region sees what the pole's own
 *   coordinator sees, except anything of henin-carvin: 404, as if it did not exist;
 * - expiredSession: an expired cookie is no session: the anonymous column;
 * - revokedToken: a revoked Bearer token is refused everywhere, public endpoints included;
 * - adminWriteToken: an admin's write token does what the admin does, except managing accounts,
 *   memberships, passwords and tokens (403: a session is required there).
 */
/** What only a session may do: accounts, memberships, passwords, tokens. */
const SESSION_ONLY = /^\/api\/(users|tokens|admin\/users|admin\/tokens)(\/|$)/;

const DERIVED: Record<Derived, (path: string, row: Record<Who, number>) => number> = {
  coordOtherPole: (path, row) =>
    path.startsWith(HC) || path.includes('poles=henin-carvin') ? 404 : row.coordinator,
  expiredSession: (_path, row) => row.anonymous,
  revokedToken: () => 401,
  adminWriteToken: (path, row) => (SESSION_ONLY.test(path) ? 403 : row.admin),
};

/** The quarter states the table's workflow rows start from: 2025Q4 submitted, 2025Q3 validated. */
async function seedQuarterStates(t: TestInstance): Promise<void> {
  const poleId = t.poleIds.get('henin-carvin')!;
  const at = new Date().toISOString();
  await recordTransition(t.db, {
    poleId,
    period: '2025Q4',
    action: 'submit',
    from: 'draft',
    to: 'submitted',
    reason: null,
    by: 1,
    byRole: 'coordinator',
    at,
  });
  await recordTransition(t.db, {
    poleId,
    period: '2025Q3',
    action: 'validate',
    from: 'submitted',
    to: 'validated',
    reason: null,
    by: 1,
    byRole: 'cress',
    at,
  });
}

/** The credentials of a derived caller, on a fresh instance. */
async function credentialsOf(
  t: TestInstance,
  who: Derived,
): Promise<{ cookie?: string; bearer?: string }> {
  if (who === 'coordOtherPole') return { cookie: await login(t, 'coord@littoral.test') };
  if (who === 'adminWriteToken') {
    await seedQuarterStates(t);
    const admin = await login(t, EMAIL.admin);
    const created = await call(t, 'POST', '/api/tokens', {
      cookie: admin,
      body: { name: 'script', write: true },
    });
    return { bearer: created.json.secret };
  }
  const cookie = await login(t, 'coord@hc.test');
  if (who === 'expiredSession') {
    await t.db.updateTable('sessions').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    return { cookie };
  }
  const token = (await call(t, 'POST', '/api/tokens', { cookie, body: { name: 'x', write: true } }))
    .json;
  expect((await call(t, 'DELETE', `/api/tokens/${token.token.id}`, { cookie })).status).toBe(204);
  return { bearer: token.secret };
}

describe.each(Object.keys(DERIVED) as Derived[])('as %s', (who) => {
  it('gets exactly the status its rule derives from the table, from every endpoint', async () => {
    const t = await createTestInstance();
    instances.push(t);
    const creds = await credentialsOf(t, who);
    const got: string[] = [];
    const want: string[] = [];
    for (const [method, path, body, expected] of MATRIX) {
      const upload = body as { raw?: string; headers?: Record<string, string> } | undefined;
      const res = upload?.raw
        ? await call(t, method, path, { raw: upload.raw, headers: upload.headers ?? {}, ...creds })
        : await call(t, method, path, { body, ...creds });
      got.push(`${method} ${path} → ${res.status}`);
      want.push(`${method} ${path} → ${DERIVED[who](path, expected)}`);
      if (res.status >= 400) expect(res.json.error.code).toEqual(expect.any(String));
      if (who === 'adminWriteToken' && SESSION_ONLY.test(path))
        expect([method, path, res.json.error.message]).toEqual([
          method,
          path,
          expect.stringMatching(/jeton d’API ne peut pas gérer les comptes/),
        ]);
    }
    expect(got).toEqual(want);
  });
});

describe.each(Object.keys(MATRIX[0]![3]) as Who[])('as %s', (who) => {
  it('gets exactly the expected status from every endpoint', async () => {
    const t = await createTestInstance();
    instances.push(t);
    await seedQuarterStates(t);
    const cookie = who === 'anonymous' ? undefined : await login(t, EMAIL[who]);
    const got: string[] = [];
    const want: string[] = [];
    for (const [method, path, body, expected] of MATRIX) {
      const upload = body as { raw?: string; headers?: Record<string, string> } | undefined;
      const res = upload?.raw
        ? await call(t, method, path, { raw: upload.raw, headers: upload.headers ?? {}, cookie })
        : await call(t, method, path, { body, cookie });
      got.push(`${method} ${path} → ${res.status}`);
      want.push(`${method} ${path} → ${expected[who]}`);
      if (res.status >= 400) expect(res.json.error.code).toEqual(expect.any(String));
    }
    expect(got).toEqual(want);
  });
});

describe('the matrix', () => {
  it('has a row for every endpoint the app serves', async () => {
    const t = await createTestInstance();
    instances.push(t);
    const served = t.app.routes.filter(
      (r) =>
        r.path.startsWith('/api/') &&
        !r.path.endsWith('*') &&
        ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'].includes(r.method),
    );
    const missing = served
      .filter((r) => {
        const pattern = new RegExp(`^${r.path.replace(/:\w+/g, '[^/]+').replaceAll('.', '\\.')}$`);
        return !MATRIX.some(
          ([method, path]) => method === r.method && pattern.test(path.split('?')[0]!),
        );
      })
      .map((r) => `${r.method} ${r.path}`);
    expect([...new Set(missing)]).toEqual([]);
  });
});
