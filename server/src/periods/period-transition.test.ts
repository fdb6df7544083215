import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, login } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';

// A quarter's state says what its last step was (sent back or reopened, by whom, in which role,
// when, why), and a quarter with a standing consistency error cannot be submitted.

let t: TestInstance;
beforeEach(async () => {
  t = await createTestInstance();
});
afterEach(async () => {
  await t.close();
});

const PERIOD = '2026Q3';
const P = `/api/poles/henin-carvin/periods/${PERIOD}`;
const LIST = `/api/poles/henin-carvin/periods?from=${PERIOD}&to=${PERIOD}`;
const MS = 'mobilite-sociale';

describe('the last transition of a quarter', () => {
  it('tells a sending back from a reopening, with the role, name, time and reason', async () => {
    const coord = await login(t, 'coord@hc.test');
    const cress = await login(t, 'cress@hdf.test');
    const admin = await login(t, 'admin@test.test');
    const fresh = await call(t, 'GET', LIST, { cookie: coord });
    expect(fresh.json.periods[0].transition).toBeNull();

    const submitted = await call(t, 'POST', `${P}/submit`, { cookie: coord });
    expect(submitted.json.transition).toEqual({
      kind: 'submit',
      reason: null,
      at: expect.any(String),
      by: 'coord',
      byRole: 'coordinator',
    });
    const back = await call(t, 'POST', `${P}/reopen`, {
      cookie: cress,
      body: { reason: 'Commentaire manquant sur les ETP' },
    });
    expect(back.status).toBe(200);
    expect(back.json.transition).toMatchObject({
      kind: 'sendBack',
      reason: 'Commentaire manquant sur les ETP',
      byRole: 'cress',
    });
    expect(Date.parse(back.json.transition.at)).not.toBeNaN();

    await call(t, 'POST', `${P}/submit`, { cookie: coord });
    await call(t, 'POST', `${P}/validate`, { cookie: cress });
    const reopened = await call(t, 'POST', `${P}/reopen`, {
      cookie: admin,
      body: { reason: 'Erreur sur les sorties IAE' },
    });
    expect(reopened.json).toMatchObject({
      status: 'draft',
      reason: 'Erreur sur les sorties IAE',
      transition: { kind: 'reopen', reason: 'Erreur sur les sorties IAE', byRole: 'admin' },
    });
    // The list says the same, and the log keeps each step's role.
    const list = await call(t, 'GET', LIST, { cookie: coord });
    expect(list.json.periods[0].transition).toEqual(reopened.json.transition);
    const events = await call(t, 'GET', `${P}/events`, { cookie: coord });
    expect(
      events.json.events.map((e: { action: string; byRole: string }) => `${e.action}:${e.byRole}`),
    ).toEqual([
      'reopen:admin',
      'validate:cress',
      'submit:coordinator',
      'reopen:cress',
      'submit:coordinator',
    ]);
  });
});

describe('submitting a quarter with a standing rule error', () => {
  const put = (cookie: string, body: unknown) =>
    call(t, 'PUT', '/api/poles/henin-carvin/values', { cookie, body });

  it('is refused with each standing error once, then accepted once a reason overrides it', async () => {
    const coord = await login(t, 'coord@hc.test');
    const saved = await put(coord, {
      period: PERIOD,
      entries: [
        { scope: MS, indicator: 'MS-SORTIES', value: 5 },
        { scope: MS, indicator: 'MS-SORTIES-POSITIVES', value: 1 },
      ],
    });
    expect(saved.status).toBe(200);
    // As if the value had changed behind the rules' back (a rule added, an older value fixed).
    await t.db
      .updateTable('values')
      .set({ value: 7 })
      .where('indicator_code', '=', 'MS-SORTIES-POSITIVES')
      .where('period', '=', PERIOD)
      .execute();

    const refused = await call(t, 'POST', `${P}/submit`, { cookie: coord });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('RULE_VIOLATION');
    expect(refused.json.error.message).toMatch(/^Le trimestre ne peut pas être soumis/);
    expect(refused.json.error.issues).toEqual([
      expect.objectContaining({
        rule: 'E1',
        severity: 'error',
        scope: MS,
        period: PERIOD,
        slice: '',
        subject: '',
        cells: expect.arrayContaining([
          { scope: MS, indicator: 'MS-SORTIES', slice: '' },
          { scope: MS, indicator: 'MS-SORTIES-POSITIVES', slice: '' },
        ]),
      }),
    ]);
    // Nothing moved.
    const state = await call(t, 'GET', LIST, { cookie: coord });
    expect(state.json.periods[0]).toMatchObject({ status: 'draft', transition: null });

    const fixed = await put(coord, {
      period: PERIOD,
      entries: [{ scope: MS, indicator: 'MS-SORTIES-POSITIVES', value: 6, version: 1 }],
      overrides: [{ rule: 'E1', scope: MS, reason: 'Sorties du T2 comptées ce trimestre' }],
    });
    expect(fixed.status).toBe(200);
    const ok = await call(t, 'POST', `${P}/submit`, { cookie: coord });
    expect(ok.status).toBe(200);
    expect(ok.json.status).toBe('submitted');
  });
});
