import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, login } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';

let t: TestInstance;
let coord: string;
beforeEach(async () => {
  t = await createTestInstance();
  coord = await login(t, 'coord@hc.test');
});
afterEach(async () => {
  await t.close();
});

const URL = '/api/poles/henin-carvin/targets';

describe('targets', () => {
  it('sets, changes and removes yearly targets with a trace of each change', async () => {
    const set = await call(t, 'PUT', URL, {
      cookie: coord,
      body: {
        year: 2026,
        targets: [
          { scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 12 },
          { scope: 'transition-ecologique', indicator: 'TE-TAUX-REEMPLOI', value: 40 },
        ],
      },
    });
    expect(set.status).toBe(200);
    expect(
      set.json.targets.map((x: { indicator: string; value: number }) => [x.indicator, x.value]),
    ).toEqual([
      ['TE-TAUX-REEMPLOI', 40],
      ['PTCE-EVENEMENTS', 12],
    ]);
    await call(t, 'PUT', URL, {
      cookie: coord,
      body: { year: 2026, targets: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 15 }] },
    });
    await call(t, 'PUT', URL, {
      cookie: coord,
      body: { year: 2026, targets: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: null }] },
    });
    const read = await call(t, 'GET', `${URL}?year=2026`, {
      cookie: await login(t, 'board@hc.test'),
    });
    expect(read.json.targets.map((x: { indicator: string }) => x.indicator)).toEqual([
      'TE-TAUX-REEMPLOI',
    ]);
    const trace = await t.db
      .selectFrom('target_history')
      .select(['indicator_code', 'old_value', 'new_value'])
      .where('indicator_code', '=', 'PTCE-EVENEMENTS')
      .orderBy('id')
      .execute();
    expect(trace.map((r) => [r.old_value, r.new_value])).toEqual([
      [null, 12],
      [12, 15],
      [15, null],
    ]);
  });

  it('refuses misfits all-or-nothing', async () => {
    const res = await call(t, 'PUT', URL, {
      cookie: coord,
      body: {
        year: 2026,
        targets: [
          { scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 2.5 },
          { scope: 'pole', indicator: 'PTCE-REUNIONS', value: -1 },
          { scope: 'pole', indicator: 'MS-SORTIES', value: 3 },
          { scope: 'transition-ecologique', indicator: 'TE-TAUX-REEMPLOI', value: 140 },
          { scope: 'pole', indicator: 'PTCE-ACTIVITES-CREEES', value: 4 },
        ],
      },
    });
    expect(res.status).toBe(422);
    expect(res.json.error.issues.map((i: { code: string }) => i.code)).toEqual([
      'integer',
      'min',
      'not_tracked',
      'max',
    ]);
    expect(await t.db.selectFrom('targets').selectAll().execute()).toEqual([]);
  });
});
