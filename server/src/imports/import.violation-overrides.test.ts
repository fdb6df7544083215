import { ImportResultSchema } from '@ptce/shared/imports.schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { login, ORIGIN } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';

// Reasons per violation with an import, as PUT values takes them: a multipart/form-data body
// holding the file and an `overrides` field (a JSON array of { rule, scope, slice?, subject?,
// reason }). A reason overrides its violation only and is recorded, tagged, in the history of
// each changed cell it involves.

let t: TestInstance;
let coord: string;
const IMPORT = '/api/poles/henin-carvin/import?period=2026Q3';
const MS = 'mobilite-sociale';
const REASON = 'Sorties du T2 régularisées sur ce trimestre';
/** E1 broken on the Mobilité sociale totals: 7 positive exits of 5 exits. */
const CSV = [
  'scope,indicator,slice,value',
  `${MS},MS-SORTIES,,5`,
  `${MS},MS-SORTIES-POSITIVES,,7`,
  '',
].join('\n');

beforeEach(async () => {
  t = await createTestInstance();
  coord = await login(t, 'coord@hc.test');
});
afterEach(async () => {
  await t.close();
});

/** POSTs the CSV and the `overrides` fields (strings as sent) as multipart/form-data. */
async function send(dryRun: boolean, overrides: string[] = []) {
  const form = new FormData();
  form.append('file', new Blob([CSV], { type: 'text/csv' }), 'saisie.csv');
  for (const o of overrides) form.append('overrides', o);
  const res = await t.app.request(`${ORIGIN}${IMPORT}&dryRun=${dryRun}`, {
    method: 'POST',
    headers: { cookie: coord },
    body: form,
  });
  // biome-ignore lint/suspicious/noExplicitAny: tests assert response bodies field by field
  return { status: res.status, json: (await res.json()) as any };
}

const history = () =>
  t.db
    .selectFrom('value_history')
    .select(['indicator_code', 'new_value', 'reason'])
    .orderBy('id')
    .execute();

describe('import with reasons per violation (`overrides`)', () => {
  it('lists E1 with its subject, passes it with its one reason, records it in both rows', async () => {
    const blocked = await send(true);
    expect(blocked.status).toBe(200);
    expect(blocked.json.rules.errors).toEqual([
      expect.objectContaining({ rule: 'E1', scope: MS, slice: '', subject: '' }),
    ]);

    const e1 = JSON.stringify([{ rule: 'E1', scope: MS, reason: REASON }]);
    const dry = await send(true, [e1]);
    expect(dry.status).toBe(200);
    expect(ImportResultSchema.safeParse(dry.json).success).toBe(true);
    expect(dry.json.rules.errors).toEqual([]);
    expect(dry.json.rules.overridden).toEqual([expect.objectContaining({ rule: 'E1', scope: MS })]);
    expect(await history()).toEqual([]);

    const run = await send(false, [e1]);
    expect(run.status).toBe(200);
    expect(run.json.rules.overridden).toEqual([expect.objectContaining({ rule: 'E1' })]);
    expect(await history()).toEqual([
      { indicator_code: 'MS-SORTIES', new_value: 5, reason: `[E1] ${REASON}` },
      { indicator_code: 'MS-SORTIES-POSITIVES', new_value: 7, reason: `[E1] ${REASON}` },
    ]);
    const stored = await t.db
      .selectFrom('values')
      .select(['indicator_code', 'override_reason'])
      .orderBy('id')
      .execute();
    expect(stored).toEqual([
      { indicator_code: 'MS-SORTIES', override_reason: `[E1] ${REASON}` },
      { indicator_code: 'MS-SORTIES-POSITIVES', override_reason: `[E1] ${REASON}` },
    ]);
  });

  it('a reason for another violation overrides nothing: the real run is refused, nothing written', async () => {
    const other = JSON.stringify([
      { rule: 'E1', scope: 'developpement-social', reason: REASON },
      { rule: 'E2', scope: MS, reason: REASON },
    ]);
    const dry = await send(true, [other]);
    expect(dry.json.rules.errors).toEqual([expect.objectContaining({ rule: 'E1', scope: MS })]);
    expect(dry.json.rules.overridden).toEqual([]);
    const run = await send(false, [other]);
    expect(run.status).toBe(422);
    expect(run.json.error.code).toBe('RULE_VIOLATION');
    expect(run.json.error.issues).toEqual([
      expect.objectContaining({ rule: 'E1', scope: MS, overridden: false, subject: '' }),
    ]);
    expect(await history()).toEqual([]);
  });

  it.each([
    ['not JSON', ['[{rule:'], 400, 'BAD_REQUEST', undefined],
    [
      'a reason too short',
      [JSON.stringify([{ rule: 'E1', scope: MS, reason: 'ok' }])],
      400,
      'VALIDATION_FAILED',
      ['overrides', 0, 'reason'],
    ],
    [
      'two reasons for one violation',
      [
        JSON.stringify([
          { rule: 'E1', scope: MS, reason: REASON },
          { rule: 'E1', scope: MS, slice: '', reason: REASON },
        ]),
      ],
      400,
      'VALIDATION_FAILED',
      ['overrides', 1],
    ],
    [
      'an unknown field',
      [JSON.stringify([{ rule: 'E1', scope: MS, reason: REASON, cells: [] }])],
      400,
      'VALIDATION_FAILED',
      ['overrides', 0],
    ],
    ['two overrides fields', ['[]', '[]'], 400, 'BAD_REQUEST', undefined],
  ])('refuses %s, writing nothing', async (_what, fields, status, code, path) => {
    const res = await send(false, fields);
    expect(res.status).toBe(status);
    expect(res.json.error.code).toBe(code);
    if (path) expect(res.json.error.issues[0].path).toEqual(path);
    expect(await history()).toEqual([]);
  });
});
