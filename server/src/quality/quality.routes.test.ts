import type { PeriodStatus } from '@ptce/shared/periods.schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../auth/passwords';
import { call, login } from '../test-support/client';
import {
  createTestInstance,
  NOW,
  PASSWORD,
  type TestInstance,
} from '../test-support/test-instance';
import { insertUser } from '../users/users.repository';

// A made-up region, QLT, of two poles whose completeness, timeliness, warnings and overrides
// are known; the clock is 29 Nov 2026 and the deadline 30 days after each quarter's end
// (2026Q2: 30 Jul, 2026Q3: 30 Oct, 2026Q4: 30 Jan 2027).

let t: TestInstance;
let cressQlt: string;
const poleIds = new Map<string, number>();
const groupIds = new Map<string, number>();

type CellSpec = [scope: string, indicator: string, value: number, overrideReason?: string];

async function addPole(slug: string, name: string, scopes: Record<string, string[]>) {
  const { id } = await t.db
    .insertInto('poles')
    .values({ slug, name, territory: 'Test', region_code: 'QLT', created_at: NOW.toISOString() })
    .returning('id')
    .executeTakeFirstOrThrow();
  poleIds.set(slug, id);
  for (const [position, [scope, indicators]] of Object.entries(scopes).entries()) {
    const g = await t.db
      .insertInto('working_groups')
      .values({
        pole_id: id,
        slug: scope,
        name: scope,
        is_pole: scope === 'pole' ? 1 : 0,
        position,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    groupIds.set(`${slug}|${scope}`, g.id);
    await t.db
      .insertInto('tracked_indicators')
      .values(indicators.map((code, i) => ({ group_id: g.id, indicator_code: code, position: i })))
      .execute();
  }
}

async function addValues(pole: string, period: string, cells: CellSpec[]) {
  await t.db
    .insertInto('values')
    .values(
      cells.map(([scope, indicator, value, overrideReason]) => ({
        pole_id: poleIds.get(pole)!,
        group_id: groupIds.get(`${pole}|${scope}`)!,
        indicator_code: indicator,
        period,
        slice: '',
        value,
        comment: null,
        override_reason: overrideReason ?? null,
        version: 1,
        updated_at: '2026-07-01T00:00:00.000Z',
        updated_by: null,
      })),
    )
    .execute();
}

/** Workflow events in order, and the state they leave. */
async function addEvents(
  pole: string,
  period: string,
  events: Array<[action: 'submit' | 'validate' | 'reopen', at: string]>,
) {
  const to: Record<string, PeriodStatus> = {
    submit: 'submitted',
    validate: 'validated',
    reopen: 'draft',
  };
  let from: PeriodStatus = 'draft';
  for (const [action, at] of events) {
    await t.db
      .insertInto('period_events')
      .values({
        pole_id: poleIds.get(pole)!,
        period,
        action,
        from_status: from,
        to_status: to[action]!,
        reason: action === 'reopen' ? 'À revoir' : null,
        at,
        by: null,
      })
      .execute();
    from = to[action]!;
  }
  await t.db
    .insertInto('quarter_status')
    .values({
      pole_id: poleIds.get(pole)!,
      period,
      status: from,
      reason: null,
      updated_at: events.at(-1)![1],
      updated_by: null,
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestInstance();
  await t.db.insertInto('regions').values({ code: 'QLT', name: 'Région qualité' }).execute();
  // Alpha: 4 entered indicators expected (the ratio is computed, not expected).
  await addPole('qlt-alpha', 'Alpha', {
    pole: [
      'PTCE-FIN-PUBLICS',
      'PTCE-EVENEMENTS',
      'PTCE-PARTICIPANTS-EVENEMENTS',
      'PTCE-REUNIONS',
      'PTCE-PART-FIN-PUBLICS',
    ],
  });
  // Beta: 2 + 2 expected, in two scopes.
  await addPole('qlt-beta', 'Beta', {
    emploi: ['PTCE-EMPLOIS-CREES', 'PTCE-EMPLOIS-MAINTENUS'],
    pole: ['PTCE-MEMBRES', 'PTCE-PROJETS-ACTIFS'],
  });
  // Alpha 2026Q2: complete; W7 (public funding > 100 000 €) and W4 (600 participants for one
  // event) stand; one entry overridden; submitted on 15 Jul (on time), validated.
  await addValues('qlt-alpha', '2026Q2', [
    ['pole', 'PTCE-FIN-PUBLICS', 150_000],
    ['pole', 'PTCE-EVENEMENTS', 1],
    ['pole', 'PTCE-PARTICIPANTS-EVENEMENTS', 600],
    ['pole', 'PTCE-REUNIONS', 4, 'Deux réunions du trimestre précédent'],
  ]);
  await addEvents('qlt-alpha', '2026Q2', [
    ['submit', '2026-07-15T09:00:00.000Z'],
    ['validate', '2026-07-20T09:00:00.000Z'],
  ]);
  // Alpha 2026Q3: 3 of 4, no warning; first submitted on 5 Nov (late), sent back, submitted again.
  await addValues('qlt-alpha', '2026Q3', [
    ['pole', 'PTCE-FIN-PUBLICS', 90_000],
    ['pole', 'PTCE-EVENEMENTS', 2],
    ['pole', 'PTCE-PARTICIPANTS-EVENEMENTS', 700],
  ]);
  await addEvents('qlt-alpha', '2026Q3', [
    ['submit', '2026-11-05T09:00:00.000Z'],
    ['reopen', '2026-11-10T09:00:00.000Z'],
    ['submit', '2026-11-20T09:00:00.000Z'],
  ]);
  // Beta 2026Q2: nothing, never submitted (late). 2026Q3: complete, submitted in the last hour
  // of its deadline day, validated. 2026Q4: half entered, already submitted (on time).
  await addValues('qlt-beta', '2026Q3', [
    ['emploi', 'PTCE-EMPLOIS-CREES', 2],
    ['emploi', 'PTCE-EMPLOIS-MAINTENUS', 3],
    ['pole', 'PTCE-MEMBRES', 40],
    ['pole', 'PTCE-PROJETS-ACTIFS', 6],
  ]);
  await addEvents('qlt-beta', '2026Q3', [
    ['submit', '2026-10-30T23:00:00.000Z'],
    ['validate', '2026-11-02T09:00:00.000Z'],
  ]);
  await addValues('qlt-beta', '2026Q4', [
    ['pole', 'PTCE-MEMBRES', 41],
    ['pole', 'PTCE-PROJETS-ACTIFS', 6],
  ]);
  await addEvents('qlt-beta', '2026Q4', [['submit', '2026-11-25T09:00:00.000Z']]);
  await insertUser(t.db, {
    email: 'cress@qlt.test',
    name: 'CRESS QLT',
    passwordHash: await hashPassword(PASSWORD),
    at: NOW.toISOString(),
    memberships: [{ role: 'cress', region: 'QLT', poleId: null }],
  });
  cressQlt = await login(t, 'cress@qlt.test');
});
afterAll(async () => {
  await t.close();
});

const URL_QLT = '/api/regions/QLT/quality?from=2026Q2&to=2026Q4';

/** A quarter of the answer, reduced to its figures. */
const figures = (q: {
  period: string;
  status: string;
  completeness: { filled: number; expected: number };
  timeliness: { status: string; submittedAt: string | null };
  warnings: number;
  overridden: number;
  score: number | null;
}) => ({
  period: q.period,
  status: q.status,
  completeness: `${q.completeness.filled}/${q.completeness.expected}`,
  timeliness: q.timeliness.status,
  submittedAt: q.timeliness.submittedAt,
  warnings: q.warnings,
  overridden: q.overridden,
  score: q.score,
});

describe('GET /api/regions/{region}/quality', () => {
  it('gives each pole’s quarters their completeness, timeliness, warnings, overrides and score', async () => {
    const res = await call(t, 'GET', URL_QLT, { cookie: cressQlt });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      region: { code: 'QLT', name: 'Région qualité' },
      from: '2026Q2',
      to: '2026Q4',
      deadlineDays: 30,
      weights: { completeness: 50, timeliness: 20, outliers: 20, overridden: 10 },
    });
    expect(res.json.poles.map((p: { slug: string }) => p.slug)).toEqual(['qlt-alpha', 'qlt-beta']);
    const [alpha, beta] = res.json.poles;
    expect(alpha.quarters.map(figures)).toEqual([
      // 50×100 + 20×100 + 20×100 + 10×80 (one override) = 98
      {
        period: '2026Q2',
        status: 'validated',
        completeness: '4/4',
        timeliness: 'onTime',
        submittedAt: '2026-07-15T09:00:00.000Z',
        warnings: 2,
        overridden: 1,
        score: 98,
      },
      // 50×75 + 20×0 + 20×100 + 10×100 = 67.5 → 68; the first submission counts.
      {
        period: '2026Q3',
        status: 'submitted',
        completeness: '3/4',
        timeliness: 'late',
        submittedAt: '2026-11-05T09:00:00.000Z',
        warnings: 0,
        overridden: 0,
        score: 68,
      },
      {
        period: '2026Q4',
        status: 'draft',
        completeness: '0/4',
        timeliness: 'pending',
        submittedAt: null,
        warnings: 0,
        overridden: 0,
        score: null,
      },
    ]);
    expect(beta.quarters.map(figures)).toEqual([
      {
        period: '2026Q2',
        status: 'draft',
        completeness: '0/4',
        timeliness: 'late',
        submittedAt: null,
        warnings: 0,
        overridden: 0,
        score: 0,
      },
      {
        period: '2026Q3',
        status: 'validated',
        completeness: '4/4',
        timeliness: 'onTime',
        submittedAt: '2026-10-30T23:00:00.000Z',
        warnings: 0,
        overridden: 0,
        score: 100,
      },
      // 50×50 + 20×100 + 20×100 + 10×100 = 75
      {
        period: '2026Q4',
        status: 'submitted',
        completeness: '2/4',
        timeliness: 'onTime',
        submittedAt: '2026-11-25T09:00:00.000Z',
        warnings: 0,
        overridden: 0,
        score: 75,
      },
    ]);
    expect(alpha.quarters[0]).toMatchObject({
      timeliness: { deadline: '2026-07-30' },
      parts: { completeness: 100, timeliness: 100, outliers: 100, overridden: 80 },
    });
    expect(beta.quarters[0].parts).toEqual({
      completeness: 0,
      timeliness: 0,
      outliers: null,
      overridden: null,
    });
    // Outliers are the O-rule warnings among them: none of these values is one.
    expect(
      res.json.poles.flatMap((p: { quarters: Array<{ outliers: number }> }) =>
        p.quarters.map((q) => q.outliers),
      ),
    ).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('defaults to the current quarter and the seven before', async () => {
    const res = await call(t, 'GET', '/api/regions/QLT/quality', { cookie: cressQlt });
    expect(res.status).toBe(200);
    expect([res.json.from, res.json.to, res.json.poles[0].quarters.length]).toEqual([
      '2025Q1',
      '2026Q4',
      8,
    ]);
  });

  it('answers an admin, and 404 to everyone else, as for a region that does not exist', async () => {
    const admin = await login(t, 'admin@test.test');
    expect((await call(t, 'GET', URL_QLT, { cookie: admin })).status).toBe(200);
    for (const email of ['cress@hdf.test', 'cress@occ.test', 'coord@hc.test', 'board@hc.test']) {
      const res = await call(t, 'GET', URL_QLT, { cookie: await login(t, email) });
      expect([email, res.status, res.json.error.code]).toEqual([email, 404, 'NOT_FOUND']);
    }
    const unknown = await call(t, 'GET', '/api/regions/ZZZ/quality', { cookie: admin });
    expect([unknown.status, unknown.json.error.code]).toEqual([404, 'NOT_FOUND']);
    expect((await call(t, 'GET', URL_QLT)).status).toBe(401);
    const hdf = await call(t, 'GET', '/api/regions/HDF/quality', {
      cookie: await login(t, 'cress@hdf.test'),
    });
    expect(hdf.json.poles.map((p: { slug: string }) => p.slug)).toEqual([
      'demo-littoral',
      'henin-carvin',
    ]);
  });

  it.each([
    ['from=2026Q5', ['from']],
    ['from=2026Q4&to=2026Q2', ['from']],
    ['from=2021Q4&to=2026Q4', ['from']],
    ['pole=qlt-alpha', []],
  ])('refuses %s with a 400 in the envelope', async (query, path) => {
    const res = await call(t, 'GET', `/api/regions/QLT/quality?${query}`, { cookie: cressQlt });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION_FAILED');
    expect(res.json.error.issues[0].path).toEqual(path);
  });
});

describe('GET /api/poles/{pole}/periods/{period}/quality', () => {
  it('gives one quarter’s quality, and follows the workflow', async () => {
    const coord = await login(t, 'coord@hc.test');
    const cress = await login(t, 'cress@hdf.test');
    const url = '/api/poles/henin-carvin/periods/2026Q3/quality';
    const save = await call(t, 'PUT', '/api/poles/henin-carvin/values', {
      cookie: coord,
      body: {
        period: '2026Q3',
        entries: [{ scope: 'pole', indicator: 'PTCE-FIN-PUBLICS', value: 250_000 }],
      },
    });
    expect(save.json.warnings.map((w: { rule: string }) => w.rule)).toContain('W7');
    const before = await call(t, 'GET', url, { cookie: cress });
    expect(before.status).toBe(200);
    expect(before.json).toMatchObject({
      pole: 'henin-carvin',
      deadlineDays: 30,
      quality: {
        period: '2026Q3',
        status: 'draft',
        completeness: { filled: 1 },
        timeliness: { status: 'late', deadline: '2026-10-30', submittedAt: null },
        warnings: 1,
        overridden: 0,
      },
    });
    const region = '/api/regions/HDF/quality?from=2026Q3&to=2026Q3';
    const hcOf = async () =>
      (await call(t, 'GET', region, { cookie: cress })).json.poles.find(
        (p: { slug: string }) => p.slug === 'henin-carvin',
      ).quarters[0];
    expect(await hcOf()).toMatchObject({ status: 'draft', warnings: 1 });
    expect(
      (await call(t, 'POST', '/api/poles/henin-carvin/periods/2026Q3/submit', { cookie: coord }))
        .status,
    ).toBe(200);
    // Kept per pole and data version: the write shows at once.
    expect(await hcOf()).toMatchObject({ status: 'submitted', timeliness: { status: 'late' } });
    const after = await call(t, 'GET', url, { cookie: cress });
    expect(after.json.quality).toMatchObject({
      status: 'submitted',
      timeliness: { status: 'late', submittedAt: NOW.toISOString() },
    });
    expect((await call(t, 'GET', url, { cookie: coord })).status).toBe(200);
    const other = await call(t, 'GET', url, { cookie: await login(t, 'coord@other.test') });
    expect(other.status).toBe(404);
    const bad = await call(t, 'GET', '/api/poles/henin-carvin/periods/2026Q9/quality', {
      cookie: cress,
    });
    expect([bad.status, bad.json.error.code]).toEqual([400, 'VALIDATION_FAILED']);
  });
});
