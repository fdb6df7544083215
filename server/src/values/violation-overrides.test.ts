import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, login } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';

// One reason per violation through PUT /api/poles/{pole}/values: the 422 lists each violation
// once with the entries it involves and whether a reason overrides it; a reason written for a
// violation (`overrides`) overrides that one only and is recorded in the history of every
// changed entry it involves.

let t: TestInstance;
let coord: string;
const URL = '/api/poles/henin-carvin/values';
const MS = 'mobilite-sociale';
const PERIOD = '2026Q3';

beforeEach(async () => {
  t = await createTestInstance();
  coord = await login(t, 'coord@hc.test');
});
afterEach(async () => {
  await t.close();
});

const put = (body: unknown) => call(t, 'PUT', URL, { body, cookie: coord });
const history = () =>
  t.db
    .selectFrom('value_history')
    .select(['indicator_code', 'slice', 'new_value', 'reason'])
    .orderBy('id')
    .execute();

/** E1 over four rows: 4 + 3 + 1 exits to jobs and positive ones for 5 exits. */
const E1_ROWS = [
  { scope: MS, indicator: 'MS-SORTIES', value: 5 },
  { scope: MS, indicator: 'MS-SORTIES-EMPLOI-DURABLE', value: 4 },
  { scope: MS, indicator: 'MS-SORTIES-EMPLOI-TRANSITION', value: 3 },
  { scope: MS, indicator: 'MS-SORTIES-POSITIVES', value: 1 },
];
/** …and E5: the sex breakdown of the exits sums to 3, not 5. */
const E5_SLICES = [
  { scope: MS, indicator: 'MS-SORTIES', slice: 'sex=femme', value: 2 },
  { scope: MS, indicator: 'MS-SORTIES', slice: 'sex=homme', value: 1 },
];
const REASON = 'Sorties du T2 régularisées sur ce trimestre';

describe('PUT values — one reason per violation', () => {
  it('lists each violation once with the entries it involves, then saves with the one reason it needs', async () => {
    const refused = await put({ period: PERIOD, entries: E1_ROWS });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('RULE_VIOLATION');
    expect(refused.json.error.issues).toEqual([
      expect.objectContaining({
        rule: 'E1',
        scope: MS,
        slice: '',
        subject: '',
        overridden: false,
        entries: [0, 1, 2, 3],
        cells: expect.arrayContaining(
          E1_ROWS.map(({ scope, indicator }) => ({ scope, indicator, slice: '' })),
        ),
      }),
    ]);
    expect(refused.json.error.issues[0].cells).toHaveLength(4);
    expect(await history()).toEqual([]);

    const ok = await put({
      period: PERIOD,
      entries: E1_ROWS,
      overrides: [{ rule: 'E1', scope: MS, reason: REASON }],
    });
    expect(ok.status).toBe(200);
    expect(ok.json.overridden.map((i: { rule: string }) => i.rule)).toEqual(['E1']);
    expect(ok.json.saved.map((s: { overrideReason: string }) => s.overrideReason)).toEqual(
      E1_ROWS.map(() => `[E1] ${REASON}`),
    );
    expect(await history()).toEqual(
      E1_ROWS.map((e) => ({
        indicator_code: e.indicator,
        slice: '',
        new_value: e.value,
        reason: `[E1] ${REASON}`,
      })),
    );
    const stored = await t.db
      .selectFrom('values')
      .select(['indicator_code', 'override_reason'])
      .orderBy('id')
      .execute();
    expect(new Set(stored.map((s) => s.override_reason))).toEqual(new Set([`[E1] ${REASON}`]));
  });

  it('a reason overrides exactly its violation: not E5, not E1 of another scope', async () => {
    const entries = [...E1_ROWS, ...E5_SLICES];
    const wrongScope = await put({
      period: PERIOD,
      entries,
      overrides: [{ rule: 'E1', scope: 'pole', reason: REASON }],
    });
    expect(wrongScope.status).toBe(422);
    const brief = (issues: Array<Record<string, unknown>>) =>
      issues.map((i) => [i.rule, i.subject, i.overridden, i.entries]);
    expect(brief(wrongScope.json.error.issues)).toEqual([
      ['E1', '', false, [0, 1, 2, 3]],
      ['E5', 'dimension=sex&indicator=MS-SORTIES', false, [0, 4, 5]],
    ]);

    const e1Only = await put({
      period: PERIOD,
      entries,
      overrides: [{ rule: 'E1', scope: MS, reason: REASON }],
    });
    expect(e1Only.status).toBe(422);
    expect(brief(e1Only.json.error.issues)).toEqual([
      ['E1', '', true, [0, 1, 2, 3]],
      ['E5', 'dimension=sex&indicator=MS-SORTIES', false, [0, 4, 5]],
    ]);
    expect(await history()).toEqual([]);

    const both = await put({
      period: PERIOD,
      entries,
      overrides: [
        { rule: 'E1', scope: MS, reason: REASON },
        {
          rule: 'E5',
          scope: MS,
          subject: 'dimension=sex&indicator=MS-SORTIES',
          reason: 'Deux sorties sans sexe renseigné',
        },
      ],
    });
    expect(both.status).toBe(200);
    const reasons = new Map(
      (await history()).map((h) => [`${h.indicator_code}|${h.slice}`, h.reason]),
    );
    // the exits total is in both violations: its history holds both reasons, each tagged
    expect(reasons.get('MS-SORTIES|')).toBe(
      `[E1] ${REASON}\n[E5 dimension=sex&indicator=MS-SORTIES] Deux sorties sans sexe renseigné`,
    );
    expect(reasons.get('MS-SORTIES-POSITIVES|')).toBe(`[E1] ${REASON}`);
    expect(reasons.get('MS-SORTIES|sex=femme')).toBe(
      '[E5 dimension=sex&indicator=MS-SORTIES] Deux sorties sans sexe renseigné',
    );
  });

  it('still applies the per-entry overrideReason of older clients, as before', async () => {
    const legacy = await put({
      period: PERIOD,
      entries: E1_ROWS.map((e) => ({ ...e, overrideReason: REASON })),
    });
    expect(legacy.status).toBe(200);
    expect(legacy.json.overridden.map((i: { rule: string }) => i.rule)).toEqual(['E1']);
    expect((await history()).map((h) => h.reason)).toEqual(E1_ROWS.map(() => REASON));
  });

  it('refuses a malformed override with 400 and writes nothing', async () => {
    const dup = await put({
      period: PERIOD,
      entries: E1_ROWS,
      overrides: [
        { rule: 'E1', scope: MS, reason: REASON },
        { rule: 'E1', scope: MS, slice: '', reason: 'Un autre motif' },
      ],
    });
    expect(dup.status).toBe(400);
    expect(dup.json.error.code).toBe('VALIDATION_FAILED');
    const short = await put({
      period: PERIOD,
      entries: E1_ROWS,
      overrides: [{ rule: 'E1', scope: MS, reason: 'ok' }],
    });
    expect(short.status).toBe(400);
    expect(await history()).toEqual([]);
  });
});
