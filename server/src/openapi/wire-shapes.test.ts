import {
  EntryIssueSchema,
  FileIssueSchema,
  RuleViolationIssueSchema,
  StaleVersionIssueSchema,
} from '@ptce/shared/error-issues.schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { upload } from '../imports/test-upload';
import { call, login } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';
import type { RouteDoc } from './route-doc';
import { API_ROUTES } from './routes.doc';

let t: TestInstance;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestInstance();
  for (const email of ['coord@hc.test', 'cress@hdf.test', 'admin@test.test'])
    cookies[email] = await login(t, email);
});
afterAll(async () => {
  await t.close();
});

const HC = '/api/poles/henin-carvin';
const COORD = 'coord@hc.test';
const CRESS = 'cress@hdf.test';
const ADMIN = 'admin@test.test';

/** One request per documented JSON answer, in an order where each one's state exists. */
const REQUESTS: Array<[method: string, path: string, who: string | null, body?: unknown]> = [
  ['POST', '/api/session', null, { email: 'board@hc.test', password: 'mot-de-passe-de-test' }],
  ['GET', '/api/session', COORD],
  ['POST', '/api/tokens', COORD, { name: 'Script' }],
  ['GET', '/api/tokens', COORD],
  ['GET', '/api/catalogue', null],
  ['GET', '/api/poles', COORD],
  ['GET', HC, COORD],
  [
    'PUT',
    `${HC}/values`,
    COORD,
    {
      period: '2026Q3',
      entries: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 3, comment: 'Forum' }],
    },
  ],
  ['GET', `${HC}/values?from=2026Q1&to=2026Q4`, COORD],
  ['GET', `${HC}/series?from=2026Q1&to=2026Q4`, COORD],
  ['GET', `${HC}/history`, COORD],
  [
    'PUT',
    `${HC}/periods/2026Q3/narrative`,
    COORD,
    { text: 'Forum', scopes: { 'mobilite-sociale': 'Sorties' } },
  ],
  ['GET', `${HC}/periods/2026Q3/narrative`, COORD],
  ['GET', `${HC}/periods/2026Q3/narrative/history`, COORD],
  [
    'PUT',
    `${HC}/targets`,
    COORD,
    {
      year: 2026,
      targets: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 12 }],
    },
  ],
  ['GET', `${HC}/targets?year=2026`, COORD],
  ['GET', `${HC}/periods`, COORD],
  ['POST', `${HC}/periods/2026Q3/submit`, COORD, {}],
  ['POST', `${HC}/periods/2026Q3/validate`, CRESS, {}],
  ['POST', `${HC}/periods/2026Q3/reopen`, CRESS, { reason: 'Chiffre à revoir' }],
  ['GET', `${HC}/periods/2026Q3/events`, COORD],
  ['GET', '/api/exports/manifest?from=2026Q1&to=2026Q4', CRESS],
  ['GET', '/api/regions/HDF/quality', CRESS],
  ['GET', `${HC}/periods/2026Q3/quality`, CRESS],
  ['GET', '/api/regions/HDF/values?from=2026Q1&to=2026Q4', CRESS],
  ['GET', '/api/users', ADMIN],
  [
    'POST',
    '/api/users',
    ADMIN,
    {
      email: 'new@hc.test',
      name: 'Nouveau',
      password: 'long-enough-password',
      memberships: [{ role: 'board', pole: 'henin-carvin' }],
    },
  ],
  ['GET', '/api/admin/regions', ADMIN],
  ['POST', '/api/admin/regions', ADMIN, { code: 'BRE', name: 'Bretagne' }],
  [
    'POST',
    '/api/admin/poles',
    ADMIN,
    {
      slug: 'neuf',
      name: 'PTCE Neuf',
      territory: 'Rennes',
      region: 'BRE',
    },
  ],
  ['PATCH', '/api/admin/poles/neuf', ADMIN, { territory: 'Rennes Métropole' }],
  [
    'POST',
    '/api/admin/poles/neuf/scopes',
    ADMIN,
    {
      slug: 'emploi',
      name: 'Emploi',
      indicators: ['MS-SORTIES'],
    },
  ],
  ['PATCH', '/api/admin/poles/neuf/scopes/emploi', ADMIN, { name: 'Emploi local' }],
  ['PUT', '/api/admin/poles/neuf/scopes/emploi/indicators', ADMIN, { indicators: [] }],
  ['PATCH', '/api/admin/users/2', ADMIN, { name: 'Bureau' }],
  ['POST', '/api/admin/users/2/disable', ADMIN, {}],
  ['POST', '/api/admin/users/2/enable', ADMIN, {}],
  ['GET', '/api/admin/users/1/tokens', ADMIN],
  ['GET', '/api/admin/tokens', ADMIN],
  ['GET', '/api/notifications?unread=true', COORD],
  ['GET', '/api/notifications/unread-count', COORD],
  ['POST', '/api/notifications/read', COORD, {}],
  ['PUT', '/api/notifications/preferences', COORD, { kinds: { overdue: 'digest' } }],
  ['GET', '/api/notifications/preferences', COORD],
  ['GET', '/api/notifications/outbox', ADMIN],
];

/** The documented route a request hits. */
function docOf(method: string, path: string): RouteDoc | undefined {
  const bare = path.split('?')[0]!;
  return API_ROUTES.find(
    (r) =>
      r.method === method.toLowerCase() &&
      new RegExp(`^${r.path.replace(/\{\w+\}/g, '[^/]+').replace(/\./g, '\\.')}$`).test(bare),
  );
}

/** Parsed by `schema` and equal to it once parsed: nothing missing, nothing undocumented. */
function expectShape(schema: z.core.$ZodType, json: unknown) {
  const parsed = z.safeParse(schema, json);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  expect(parsed.data).toEqual(json);
}

describe('the wire shapes', () => {
  it('every JSON answer is exactly its documented shared schema', async () => {
    const seen = new Set<RouteDoc>();
    for (const [method, path, who, body] of REQUESTS) {
      const doc = docOf(method, path);
      if (!doc?.ok.schema) throw new Error(`${method} ${path}: no documented JSON answer`);
      seen.add(doc);
      const res = await call(t, method, path, { cookie: who ? cookies[who] : undefined, body });
      expect([method, path, res.status]).toEqual([method, path, doc.ok.status]);
      expectShape(doc.ok.schema, res.json);
    }
    const missing = API_ROUTES.filter((r) => r.ok.schema && !seen.has(r));
    // The import reads a raw file: tested below.
    expect(missing.map((r) => `${r.method} ${r.path}`)).toEqual(['post /api/poles/{pole}/import']);
  });

  it('an import answers its documented ImportResult', async () => {
    const csv = 'scope,indicator,slice,value\r\npole,PTCE-REUNIONS,,4\r\n';
    const res = await upload(t, `${HC}/import?period=2026Q3`, csv, {
      cookie: cookies[COORD],
      type: 'text/csv',
    });
    expect(res.status).toBe(200);
    expectShape(docOf('POST', `${HC}/import`)!.ok.schema!, res.json);
  });

  it('a 409 lists stale versions and a 422 its entry and rule issues, as typed in shared', async () => {
    const put = (entries: unknown[]) =>
      call(t, 'PUT', `${HC}/values`, {
        cookie: cookies[COORD],
        body: { period: '2026Q2', entries },
      });
    await put([{ scope: 'pole', indicator: 'PTCE-REUNIONS', value: 2 }]);
    const stale = await put([{ scope: 'pole', indicator: 'PTCE-REUNIONS', value: 3, version: 0 }]);
    expect(stale.status).toBe(409);
    expectShape(StaleVersionIssueSchema, stale.json.error.issues[0]);
    const misfit = await put([{ scope: 'pole', indicator: 'XX-INCONNU', value: 1 }]);
    expect([misfit.status, misfit.json.error.code]).toEqual([422, 'INVALID_ENTRIES']);
    expectShape(EntryIssueSchema, misfit.json.error.issues[0]);
    const rule = await put([
      { scope: 'mobilite-sociale', indicator: 'MS-SORTIES', value: 5 },
      { scope: 'mobilite-sociale', indicator: 'MS-SORTIES-EMPLOI-DURABLE', value: 4 },
      { scope: 'mobilite-sociale', indicator: 'MS-SORTIES-EMPLOI-TRANSITION', value: 3 },
    ]);
    expect([rule.status, rule.json.error.code]).toEqual([422, 'RULE_VIOLATION']);
    expectShape(RuleViolationIssueSchema, rule.json.error.issues[0]);
  });

  it('a refused file lists its issues located as typed in shared', async () => {
    const csv = 'scope,indicator,slice,value\r\npole,XX-INCONNU,,4\r\n';
    const res = await upload(t, `${HC}/import?period=2026Q2`, csv, {
      cookie: cookies[COORD],
      type: 'text/csv',
    });
    expect([res.status, res.json.error.code]).toEqual([422, 'INVALID_ENTRIES']);
    for (const issue of res.json.error.issues) expectShape(FileIssueSchema, issue);
  });
});
