import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, login } from '../test-support/client';
import { seedValues } from '../test-support/seed-values';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';

let t: TestInstance;
let coord: string;
const URL = '/api/poles/henin-carvin/values';

beforeEach(async () => {
  t = await createTestInstance();
  coord = await login(t, 'coord@hc.test');
});
afterEach(async () => {
  await t.close();
});

const put = (body: unknown, cookie = coord) => call(t, 'PUT', URL, { body, cookie });
const dbValues = () =>
  t.db
    .selectFrom('values')
    .select(['indicator_code', 'slice', 'period', 'value', 'version', 'comment'])
    .orderBy('id')
    .execute();

describe('PUT /api/poles/{pole}/values', () => {
  it('saves a batch with history rows, then reads it back', async () => {
    const res = await put({
      period: '2026Q3',
      entries: [
        { scope: 'mobilite-sociale', indicator: 'MS-SORTIES', value: 10, comment: 'Relevé ASP' },
        { scope: 'mobilite-sociale', indicator: 'MS-SORTIES', slice: 'sex=femme', value: 6 },
        { scope: 'mobilite-sociale', indicator: 'MS-SORTIES', slice: 'sex=homme', value: 4 },
        { scope: 'transition-ecologique', indicator: 'TE-DECHETS-COLLECTES', value: 12.5 },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.json.saved).toHaveLength(4);
    expect(res.json.saved[0]).toEqual({
      scope: 'mobilite-sociale',
      indicator: 'MS-SORTIES',
      slice: '',
      value: 10,
      version: 1,
      overrideReason: null,
    });
    expect(res.json.warnings).toEqual([]);
    const history = await t.db.selectFrom('value_history').selectAll().orderBy('id').execute();
    expect(history).toHaveLength(4);
    expect(history[0]).toMatchObject({
      indicator_code: 'MS-SORTIES',
      old_value: null,
      new_value: 10,
      new_comment: 'Relevé ASP',
      version: 1,
    });

    const read = await call(t, 'GET', `${URL}?from=2026Q3&to=2026Q3&scope=mobilite-sociale`, {
      cookie: coord,
    });
    expect(read.status).toBe(200);
    expect(read.json.values).toHaveLength(3);
    expect(read.json.values[0]).toMatchObject({
      scope: 'mobilite-sociale',
      indicator: 'MS-SORTIES',
      period: '2026Q3',
      slice: '',
      value: 10,
      comment: 'Relevé ASP',
      version: 1,
      updatedBy: 'coord',
    });

    // an update with the right version bumps it and appends history; an identical save writes nothing
    const upd = await put({
      period: '2026Q3',
      entries: [
        {
          scope: 'transition-ecologique',
          indicator: 'TE-DECHETS-COLLECTES',
          value: 13,
          version: 1,
        },
      ],
    });
    expect(upd.status).toBe(200);
    expect(upd.json.saved[0].version).toBe(2);
    const same = await put({
      period: '2026Q3',
      entries: [
        {
          scope: 'transition-ecologique',
          indicator: 'TE-DECHETS-COLLECTES',
          value: 13,
          version: 2,
        },
      ],
    });
    expect(same.status).toBe(200);
    expect(same.json).toMatchObject({ saved: [], unchanged: 1 });
    expect(await t.db.selectFrom('value_history').selectAll().execute()).toHaveLength(5);

    const hist = await call(
      t,
      'GET',
      '/api/poles/henin-carvin/history?indicator=TE-DECHETS-COLLECTES',
      { cookie: coord },
    );
    expect(hist.status).toBe(200);
    expect(
      hist.json.history.map((h: { oldValue: number | null; newValue: number }) => [
        h.oldValue,
        h.newValue,
      ]),
    ).toEqual([
      [12.5, 13],
      [null, 12.5],
    ]);

    // value null clears; history keeps the trace
    const clear = await put({
      period: '2026Q3',
      entries: [
        {
          scope: 'transition-ecologique',
          indicator: 'TE-DECHETS-COLLECTES',
          value: null,
          version: 2,
        },
      ],
    });
    expect(clear.status).toBe(200);
    const after = await call(t, 'GET', `${URL}?scope=transition-ecologique`, { cookie: coord });
    expect(after.json.values).toEqual([]);
    expect(await t.db.selectFrom('value_history').selectAll().execute()).toHaveLength(6);
  });

  it('answers 422 listing catalogue misfits, and writes nothing', async () => {
    const res = await put({
      period: '2026Q3',
      entries: [
        { scope: 'mobilite-sociale', indicator: 'MS-SORTIES', value: 2.5 },
        { scope: 'mobilite-sociale', indicator: 'TE-DECHETS-COLLECTES', value: 1 },
        { scope: 'mobilite-sociale', indicator: 'MS-TAUX-SORTIES-DYNAMIQUES', value: 50 },
        {
          scope: 'mobilite-sociale',
          indicator: 'MS-ENTREES-PARCOURS',
          slice: 'sex=autre',
          value: 1,
        },
        { scope: 'mobilite-sociale', indicator: 'MS-ENTREES-PARCOURS', value: -1 },
        { scope: 'inconnu', indicator: 'MS-SORTIES', value: 1 },
        { scope: 'mobilite-sociale', indicator: 'XX-INCONNU', value: 1 },
      ],
    });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('INVALID_ENTRIES');
    expect(res.json.error.issues.map((i: { code: string }) => i.code)).toEqual([
      'integer',
      'not_tracked',
      'computed',
      'slice',
      'min',
      'unknown_scope',
      'unknown_indicator',
    ]);
    expect(res.json.error.issues[0].path).toEqual(['entries', 0]);
    expect(await dbValues()).toEqual([]);
  });

  it('answers 422 on a consistency error, and saves with an override reason', async () => {
    const entries = [
      { scope: 'mobilite-sociale', indicator: 'MS-SORTIES', value: 5 },
      { scope: 'mobilite-sociale', indicator: 'MS-SORTIES-EMPLOI-DURABLE', value: 4 },
      { scope: 'mobilite-sociale', indicator: 'MS-SORTIES-EMPLOI-TRANSITION', value: 3 },
    ];
    const res = await put({ period: '2026Q3', entries });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('RULE_VIOLATION');
    expect(res.json.error.issues).toHaveLength(1);
    expect(res.json.error.issues[0]).toMatchObject({
      rule: 'E1',
      severity: 'error',
      scope: 'mobilite-sociale',
      period: '2026Q3',
    });
    expect(res.json.error.issues[0].message).toMatch(/sorties/i);
    expect(await dbValues()).toEqual([]);

    const reason = 'Deux sorties comptées au T2, régularisées ici';
    const oneReason = entries.map((e, i) => (i === 0 ? { ...e, overrideReason: reason } : e));
    expect((await put({ period: '2026Q3', entries: oneReason })).status).toBe(422);
    const ok = await put({
      period: '2026Q3',
      entries: entries.map((e) => ({ ...e, overrideReason: reason })),
    });
    expect(ok.status).toBe(200);
    expect(ok.json.overridden.map((r: { rule: string }) => r.rule)).toEqual(['E1']);
    const hist = await t.db
      .selectFrom('value_history')
      .select(['indicator_code', 'reason'])
      .where('indicator_code', '=', 'MS-SORTIES')
      .executeTakeFirstOrThrow();
    expect(hist.reason).toBe('Deux sorties comptées au T2, régularisées ici');
    const stored = await t.db
      .selectFrom('values')
      .select('override_reason')
      .where('indicator_code', '=', 'MS-SORTIES')
      .executeTakeFirstOrThrow();
    expect(stored.override_reason).toBe('Deux sorties comptées au T2, régularisées ici');
  });

  it('needs a reason on every changed entry an error involves; an old reason does not carry over', async () => {
    const first = await put({
      period: '2026Q3',
      entries: [
        {
          scope: 'pole',
          indicator: 'PTCE-RESSOURCES-TOTALES',
          value: 100,
          overrideReason: 'au cas où',
        },
      ],
    });
    expect(first.status).toBe(200);
    const noReason = await put({
      period: '2026Q3',
      entries: [{ scope: 'pole', indicator: 'PTCE-FIN-PUBLICS', value: 500 }],
    });
    expect(noReason.status).toBe(422);
    expect(noReason.json.error.issues.map((i: { rule: string }) => i.rule)).toEqual(['E6']);
    const both = await put({
      period: '2026Q3',
      entries: [
        {
          scope: 'pole',
          indicator: 'PTCE-FIN-PUBLICS',
          value: 500,
          overrideReason: 'Subvention pluriannuelle notifiée en une fois',
        },
        { scope: 'pole', indicator: 'PTCE-FIN-PRIVES', value: 10 },
      ],
    });
    expect(both.status).toBe(422);
    expect(
      await t.db
        .selectFrom('values')
        .select('indicator_code')
        .where('indicator_code', '=', 'PTCE-FIN-PUBLICS')
        .execute(),
    ).toEqual([]);
  });

  it('checks the rules when a value is cleared (slices left without their total)', async () => {
    const slices = [
      { scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 3 },
      { scope: 'pole', indicator: 'PTCE-EVENEMENTS', slice: 'event_type=forum', value: 1 },
      { scope: 'pole', indicator: 'PTCE-EVENEMENTS', slice: 'event_type=atelier', value: 2 },
    ];
    expect((await put({ period: '2026Q3', entries: slices })).status).toBe(200);
    const clear = await put({
      period: '2026Q3',
      entries: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: null, version: 1 }],
    });
    expect(clear.status).toBe(422);
    expect(clear.json.error.issues[0].rule).toBe('E5');
  });

  it('warns when a change breaks the next quarter, and never 500s on the first quarter of the range', async () => {
    const members = (period: string, entries: Array<[string, number]>) =>
      put({
        period,
        entries: entries.map(([indicator, value]) => ({ scope: 'pole', indicator, value })),
      });
    expect((await members('2026Q1', [['PTCE-MEMBRES', 10]])).status).toBe(200);
    expect(
      (
        await members('2026Q2', [
          ['PTCE-MEMBRES', 12],
          ['PTCE-MEMBRES-ENTREES', 2],
          ['PTCE-MEMBRES-SORTIES', 0],
        ])
      ).status,
    ).toBe(200);
    const edit = await put({
      period: '2026Q1',
      entries: [{ scope: 'pole', indicator: 'PTCE-MEMBRES', value: 11, version: 1 }],
    });
    expect(edit.status).toBe(200);
    expect(edit.json.warnings).toEqual([
      expect.objectContaining({ rule: 'E4', period: '2026Q2', severity: 'warning' }),
    ]);
    const first = await put({
      period: '2000Q1',
      entries: [{ scope: 'pole', indicator: 'PTCE-MEMBRES', value: 1 }],
    });
    expect(first.status).toBe(200);
  });

  it('judges a Q4 on the whole year: the earlier quarters are read for the yearly check', async () => {
    const tonnes = (period: string, collected: number, reused: number) =>
      put({
        period,
        entries: [
          { scope: 'transition-ecologique', indicator: 'TE-DECHETS-COLLECTES', value: collected },
          { scope: 'transition-ecologique', indicator: 'TE-DECHETS-REEMPLOI', value: reused },
        ],
      });
    const q1 = await tonnes('2026Q1', 10, 30);
    expect(q1.status).toBe(200);
    expect(q1.json.warnings.map((w: { rule: string }) => w.rule)).toEqual(['W1']);
    expect((await tonnes('2026Q2', 10, 5)).status).toBe(200);
    expect((await tonnes('2026Q3', 10, 5)).status).toBe(200);
    // Q4 alone is fine (5 ≤ 10); over the year 45 t reused exceed 40 t collected: an error.
    const q4 = await tonnes('2026Q4', 10, 5);
    expect(q4.status).toBe(422);
    expect(q4.json.error.issues).toEqual([
      expect.objectContaining({ rule: 'W1', severity: 'error', period: '2026Q4' }),
    ]);
    expect((await tonnes('2026Q4', 10, 0)).status).toBe(200);
  });

  it('pages through the whole history', async () => {
    for (let v = 1; v <= 5; v++) {
      const res = await put({
        period: '2026Q3',
        entries: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: v, version: v - 1 }],
      });
      expect(res.status).toBe(200);
    }
    const page1 = await call(t, 'GET', '/api/poles/henin-carvin/history?limit=2', {
      cookie: coord,
    });
    expect(page1.json.history.map((h: { newValue: number }) => h.newValue)).toEqual([5, 4]);
    const page2 = await call(
      t,
      'GET',
      `/api/poles/henin-carvin/history?limit=2&before=${page1.json.nextBefore}`,
      { cookie: coord },
    );
    expect(page2.json.history.map((h: { newValue: number }) => h.newValue)).toEqual([3, 2]);
    const page3 = await call(
      t,
      'GET',
      `/api/poles/henin-carvin/history?limit=2&before=${page2.json.nextBefore}`,
      { cookie: coord },
    );
    expect(page3.json).toMatchObject({ nextBefore: null });
    expect(page3.json.history.map((h: { newValue: number }) => h.newValue)).toEqual([1]);
  });

  it('returns warnings with the 200', async () => {
    const res = await put({
      period: '2026Q3',
      entries: [{ scope: 'pole', indicator: 'PTCE-FIN-PUBLICS', value: 250000 }],
    });
    expect(res.status).toBe(200);
    expect(res.json.warnings.map((w: { rule: string }) => w.rule)).toEqual(['W7']);
  });

  it('answers 409 on a stale version, listing the current value, and writes nothing', async () => {
    const first = await put({
      period: '2026Q3',
      entries: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 3 }],
    });
    expect(first.status).toBe(200);
    const other = await login(t, 'coord@hc.test');
    expect(
      (
        await put(
          {
            period: '2026Q3',
            entries: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 4, version: 1 }],
          },
          other,
        )
      ).status,
    ).toBe(200);
    const before = await dbValues();
    const stale = await put({
      period: '2026Q3',
      entries: [
        { scope: 'pole', indicator: 'PTCE-REUNIONS', value: 7 },
        { scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 5, version: 1 },
      ],
    });
    expect(stale.status).toBe(409);
    expect(stale.json.error.code).toBe('CONFLICT');
    expect(stale.json.error.issues).toEqual([
      expect.objectContaining({
        code: 'stale_version',
        indicator: 'PTCE-EVENEMENTS',
        yourVersion: 1,
        current: expect.objectContaining({ value: 4, version: 2, updatedBy: 'coord' }),
      }),
    ]);
    expect(await dbValues()).toEqual(before);
    // a client that saw nothing cannot overwrite an existing value either
    expect(
      (
        await put({
          period: '2026Q3',
          entries: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 9 }],
        })
      ).status,
    ).toBe(409);
  });

  it('answers 423 on a submitted or validated quarter', async () => {
    expect(
      (
        await put({
          period: '2026Q2',
          entries: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 1 }],
        })
      ).status,
    ).toBe(200);
    expect(
      (await call(t, 'POST', '/api/poles/henin-carvin/periods/2026Q2/submit', { cookie: coord }))
        .status,
    ).toBe(200);
    const locked = await put({
      period: '2026Q2',
      entries: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 2, version: 1 }],
    });
    expect(locked.status).toBe(423);
    expect(locked.json.error.code).toBe('LOCKED');
    const cress = await login(t, 'cress@hdf.test');
    expect(
      (await call(t, 'POST', '/api/poles/henin-carvin/periods/2026Q2/validate', { cookie: cress }))
        .status,
    ).toBe(200);
    expect(
      (
        await put({
          period: '2026Q2',
          entries: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 2, version: 1 }],
        })
      ).status,
    ).toBe(423);
    expect((await dbValues()).map((v) => v.value)).toEqual([1]);
  });

  it('refuses a quarter that has not started', async () => {
    const res = await put({
      period: '2027Q1',
      entries: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 1 }],
    });
    expect(res.status).toBe(422);
    expect(res.json.error.issues[0].path).toEqual(['period']);
  });

  it('lets only the coordinator write, and hides other poles', async () => {
    const body = {
      period: '2026Q3',
      entries: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 1 }],
    };
    expect((await put(body, await login(t, 'board@hc.test'))).status).toBe(403);
    expect((await put(body, await login(t, 'cress@hdf.test'))).status).toBe(403);
    expect((await put(body, await login(t, 'admin@test.test'))).status).toBe(403);
    const other = await put(body, await login(t, 'coord@other.test'));
    expect(other.status).toBe(404);
    expect(other.json.error.code).toBe('NOT_FOUND');
    expect((await call(t, 'PUT', URL, { body })).status).toBe(401);
    expect(await dbValues()).toEqual([]);
  });
});

describe('GET /api/poles/{pole}/values?slice=&ratioTerms=true', () => {
  it('gives the totals and the slices ratios read, nothing else, in the documented order', async () => {
    const DS = 'developpement-social';
    await seedValues(t, 'henin-carvin', [
      [DS, 'DS-ENTREES-ACCOMPAGNEMENT', '2026Q2', 47],
      [DS, 'DS-ENTREES-ACCOMPAGNEMENT', '2026Q2', 26, 'residence=qpv'],
      [DS, 'DS-ENTREES-ACCOMPAGNEMENT', '2026Q2', 21, 'residence=hors_qpv'],
      [DS, 'DS-ENTREES-ACCOMPAGNEMENT', '2026Q2', 30, 'sex=femme'],
      [DS, 'DS-ENTREES-ACCOMPAGNEMENT', '2026Q1', 12, 'residence=qpv'],
      [DS, 'DS-FILE-ACTIVE', '2026Q2', 80],
      ['transition-ecologique', 'TE-DECHETS-COLLECTES', '2026Q2', 12.5],
    ]);
    const read = (q: string) => call(t, 'GET', `${URL}?${q}`, { cookie: coord });
    const cells = (body: { values: Array<Record<string, unknown>> }) =>
      body.values.map((v) => `${v.scope} ${v.indicator} ${v.period} ${v.slice}`);

    const totals = await read('from=2026Q1&to=2026Q2&slice=');
    expect(totals.status).toBe(200);
    expect(cells(totals.json)).toEqual([
      'transition-ecologique TE-DECHETS-COLLECTES 2026Q2 ',
      `${DS} DS-ENTREES-ACCOMPAGNEMENT 2026Q2 `,
      `${DS} DS-FILE-ACTIVE 2026Q2 `,
    ]);
    const withTerms = await read('from=2026Q1&to=2026Q2&slice=&ratioTerms=true');
    expect(withTerms.status).toBe(200);
    expect(cells(withTerms.json)).toEqual([
      'transition-ecologique TE-DECHETS-COLLECTES 2026Q2 ',
      `${DS} DS-ENTREES-ACCOMPAGNEMENT 2026Q1 residence=qpv`,
      `${DS} DS-ENTREES-ACCOMPAGNEMENT 2026Q2 `,
      `${DS} DS-ENTREES-ACCOMPAGNEMENT 2026Q2 residence=qpv`,
      `${DS} DS-FILE-ACTIVE 2026Q2 `,
    ]);
    expect(withTerms.json.values[3]).toEqual({
      scope: DS,
      indicator: 'DS-ENTREES-ACCOMPAGNEMENT',
      period: '2026Q2',
      slice: 'residence=qpv',
      value: 26,
      comment: null,
      overrideReason: null,
      version: 1,
      updatedAt: '2026-01-01T00:00:00.000Z',
      updatedBy: null,
    });
    expect((await read('slice=&ratioTerms=yes')).status).toBe(400);
  });
});
