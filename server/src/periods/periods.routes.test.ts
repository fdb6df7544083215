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

const P = '/api/poles/henin-carvin/periods/2026Q3';

describe('quarter workflow', () => {
  it('goes draft → submitted → validated → reopened with a reason, every step in the log', async () => {
    const coord = await login(t, 'coord@hc.test');
    const cress = await login(t, 'cress@hdf.test');
    expect((await call(t, 'POST', `${P}/validate`, { cookie: cress })).status).toBe(422);
    const sub = await call(t, 'POST', `${P}/submit`, { cookie: coord });
    expect(sub.status).toBe(200);
    expect(sub.json).toMatchObject({ period: '2026Q3', status: 'submitted', updatedBy: 'coord' });
    expect((await call(t, 'POST', `${P}/submit`, { cookie: coord })).json.error.code).toBe(
      'INVALID_STATE',
    );
    expect((await call(t, 'POST', `${P}/validate`, { cookie: coord })).status).toBe(403);
    expect((await call(t, 'POST', `${P}/validate`, { cookie: cress })).json.status).toBe(
      'validated',
    );

    const noReason = await call(t, 'POST', `${P}/reopen`, { cookie: cress, body: {} });
    expect(noReason.status).toBe(400);
    expect(noReason.json.error.issues[0].path).toEqual(['reason']);
    const reopened = await call(t, 'POST', `${P}/reopen`, {
      cookie: cress,
      body: { reason: 'Erreur sur les sorties IAE' },
    });
    expect(reopened.status).toBe(200);
    expect(reopened.json).toMatchObject({ status: 'draft', reason: 'Erreur sur les sorties IAE' });

    const events = await call(t, 'GET', `${P}/events`, { cookie: coord });
    expect(
      events.json.events.map(
        (e: { action: string; toStatus: string }) => `${e.action}:${e.toStatus}`,
      ),
    ).toEqual(['reopen:draft', 'validate:validated', 'submit:submitted']);
    const list = await call(t, 'GET', '/api/poles/henin-carvin/periods?from=2026Q2&to=2026Q3', {
      cookie: coord,
    });
    expect(
      list.json.periods.map((p: { period: string; status: string }) => `${p.period}:${p.status}`),
    ).toEqual(['2026Q2:draft', '2026Q3:draft']);
    expect(list.json.periods[0].scopes.map((s: { scope: string }) => s.scope)).toEqual([
      'transition-ecologique',
      'developpement-social',
      'mobilite-sociale',
      'pole',
    ]);
  });

  it('lets the CRESS send a submitted quarter back with a reason, but not a CRESS of another region', async () => {
    const coord = await login(t, 'coord@hc.test');
    await call(t, 'POST', `${P}/submit`, { cookie: coord });
    const occ = await login(t, 'cress@occ.test');
    expect(
      (await call(t, 'POST', `${P}/reopen`, { cookie: occ, body: { reason: 'hors région' } }))
        .status,
    ).toBe(404);
    const cress = await login(t, 'cress@hdf.test');
    const back = await call(t, 'POST', `${P}/reopen`, {
      cookie: cress,
      body: { reason: 'Commentaire manquant sur les ETP' },
    });
    expect(back.json).toMatchObject({
      status: 'draft',
      reason: 'Commentaire manquant sur les ETP',
    });
    const admin = await login(t, 'admin@test.test');
    await call(t, 'POST', `${P}/submit`, { cookie: coord });
    expect(
      (
        await call(t, 'POST', `${P}/reopen`, {
          cookie: admin,
          body: { reason: 'Correction demandée' },
        })
      ).status,
    ).toBe(200);
    expect(
      (await call(t, 'POST', '/api/poles/henin-carvin/periods/2026Q9/submit', { cookie: coord }))
        .status,
    ).toBe(400);
  });

  it('the period log and the value history are append-only in the database', async () => {
    const coord = await login(t, 'coord@hc.test');
    const body = {
      period: '2026Q3',
      entries: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 2 }],
    };
    expect(
      (await call(t, 'PUT', '/api/poles/henin-carvin/values', { cookie: coord, body })).status,
    ).toBe(200);
    await call(t, 'POST', `${P}/submit`, { cookie: coord });
    await expect(t.db.deleteFrom('period_events').execute()).rejects.toThrow(/append-only/);
    await expect(t.db.updateTable('period_events').set({ reason: 'x' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.updateTable('value_history').set({ reason: 'x' }).execute()).rejects.toThrow(
      /append-only/,
    );
    await expect(t.db.deleteFrom('value_history').execute()).rejects.toThrow(/append-only/);
  });
});
