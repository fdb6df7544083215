import { call, login } from '@ptce/server/test-support/client';
import { seedValues } from '@ptce/server/test-support/seed-values';
import {
  createTestInstance,
  NOW,
  type TestInstance,
} from '@ptce/server/test-support/test-instance';
import type { Catalogue } from '@ptce/shared/catalogue.schema';
import { type Pole, PoleSchema } from '@ptce/shared/poles.schema';
import type { StoredValue } from '@ptce/shared/values.schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildBatch } from '../../web/src/features/entry/entry-batch';
import { buildRows, indexByPeriod } from '../../web/src/features/entry/entry-model';
import { evaluateGridRules, type GridViolation } from '../../web/src/features/entry/entry-rules';
import { deriveCells } from '../../web/src/features/entry/entry-state';

// The grid as the user types and the server's save judge the same batch alike: the same
// issues block, the same are overridden, the same come back as warnings, with the same text.

const POLE = 'henin-carvin';
const PERIOD = '2026Q3';
const MS = 'mobilite-sociale';
/** The key of E1 on the scope's totals, under which the grid keeps its typed reason. */
const E1 = `E1|${MS}||`;

let t: TestInstance;
let coord: string;
beforeEach(async () => {
  t = await createTestInstance();
  coord = await login(t, 'coord@hc.test');
});
afterEach(async () => {
  await t.close();
});

interface Verdict {
  blocking: string[];
  overridden: string[];
  warnings: string[];
}

const line = (i: { rule: string; message: string }) => `${i.rule}: ${i.message}`;

/** What the grid shows for a draft of `scope`, and the batch its save button would send. */
async function gridVerdict(scope: string, texts: Record<string, string>, reasons = {}) {
  const get = async (path: string) => (await call(t, 'GET', path, { cookie: coord })).json;
  const catalogue: Catalogue = await get('/api/catalogue');
  const pole: Pole = PoleSchema.parse(await get(`/api/poles/${POLE}`));
  const { values }: { values: StoredValue[] } = await get(
    `/api/poles/${POLE}/values?from=2025Q3&to=${PERIOD}&scope=${scope}`,
  );
  const theScope = pole.scopes.find((s) => s.slug === scope)!;
  const rows = buildRows(catalogue, theScope, pole.scopes, 'fr');
  const draft = { texts, comments: {}, reasons, local: {}, based: {} };
  const view = deriveCells(rows, indexByPeriod(values).get(PERIOD), draft, 'fr');
  const rules = evaluateGridRules({
    catalogue,
    period: PERIOD,
    scope: theScope,
    poleGroupSlugs: pole.scopes.filter((s) => s.kind === 'group').map((s) => s.slug),
    view,
    others: values,
    typedReasons: reasons,
    lang: 'fr',
    now: NOW,
  });
  const concerned = rules.violations.filter((i) => i.concerned);
  const of = (keep: (i: GridViolation) => boolean) => concerned.filter(keep).map(line).sort();
  const verdict: Verdict = {
    blocking: of((i) => i.severity === 'error' && !i.overridden),
    overridden: of((i) => i.severity === 'error' && i.overridden),
    warnings: of((i) => i.severity === 'warning'),
  };
  return { verdict, batch: buildBatch(scope, view, rules) };
}

/** What the server says of the same batch: its 422 issues, or its 200 answer's lists. */
async function serverVerdict(batch: {
  entries: unknown[];
  overrides: unknown[];
}): Promise<Verdict> {
  const { entries, overrides } = batch;
  const res = await call(t, 'PUT', `/api/poles/${POLE}/values`, {
    cookie: coord,
    body: { period: PERIOD, entries, overrides },
  });
  type Issue = { rule: string; message?: string; messageFr?: string; overridden?: boolean };
  const lines = (list: Issue[]) =>
    list.map((i) => line({ rule: i.rule, message: i.message ?? i.messageFr ?? '' })).sort();
  if (res.status === 422) {
    expect(res.json.error.code).toBe('RULE_VIOLATION');
    const issues: Issue[] = res.json.error.issues;
    return {
      blocking: lines(issues.filter((i) => !i.overridden)),
      overridden: lines(issues.filter((i) => i.overridden)),
      warnings: [],
    };
  }
  expect(res.status).toBe(200);
  return {
    blocking: [],
    overridden: lines(res.json.overridden),
    warnings: lines(res.json.warnings),
  };
}

type Stored = Array<[scope: string, indicator: string, value: number, slice?: string]>;

describe('the grid and the server judge a batch alike', () => {
  it.each<[string, Stored, string, Record<string, string>, Record<string, string>, string[]]>([
    [
      'an error without a reason blocks',
      [[MS, 'MS-SORTIES', 4]],
      MS,
      { 'MS-SORTIES-POSITIVES|': '5' },
      {},
      ['blocking E1'],
    ],
    [
      'a reason on the changed row overrides it',
      [[MS, 'MS-SORTIES', 4]],
      MS,
      { 'MS-SORTIES-POSITIVES|': '5' },
      { [E1]: 'Sorties du trimestre précédent' },
      ['overridden E1'],
    ],
    [
      'one reason typed for the error covers every changed cell it involves',
      [],
      MS,
      { 'MS-SORTIES|': '4', 'MS-SORTIES-POSITIVES|': '5' },
      { [E1]: 'Bilan ASP du trimestre' },
      ['overridden E1'],
    ],
    [
      'a reason for one violation leaves the other blocking',
      [[MS, 'MS-ENTREES-PARCOURS', 1]],
      MS,
      { 'MS-SORTIES|': '4', 'MS-SORTIES-POSITIVES|': '5', 'MS-SORTIES|sex=femme': '1' },
      { [E1]: 'Bilan ASP du trimestre' },
      ['blocking E5', 'overridden E1'],
    ],
    [
      'a reason too short overrides nothing',
      [[MS, 'MS-SORTIES', 4]],
      MS,
      { 'MS-SORTIES-POSITIVES|': '5' },
      { [E1]: ' ab ' },
      ['blocking E1'],
    ],
    [
      'a cleared total concerns the slices left without it',
      [
        [MS, 'MS-SORTIES', 10],
        [MS, 'MS-SORTIES', 6, 'sex=femme'],
        [MS, 'MS-SORTIES', 4, 'sex=homme'],
      ],
      MS,
      { 'MS-SORTIES|': '' },
      {},
      ['blocking E5'],
    ],
    [
      'a stored error the batch does not touch is not judged',
      [
        [MS, 'MS-SORTIES', 4],
        [MS, 'MS-SORTIES-POSITIVES', 5],
      ],
      MS,
      { 'MS-ENTREES-PARCOURS|': '3' },
      {},
      [],
    ],
    [
      'a concerned warning, with money in its message',
      [['pole', 'PTCE-RESSOURCES-TOTALES', 500_000]],
      'pole',
      { 'PTCE-FIN-PUBLICS|': '120 000,5' },
      {},
      ['warning W7'],
    ],
  ])('%s', async (_name, stored, scope, texts, reasons, expected) => {
    if (stored.length > 0)
      await seedValues(
        t,
        POLE,
        stored.map(([s, indicator, value, slice]) => [s, indicator, PERIOD, value, slice]),
      );
    const grid = await gridVerdict(scope, texts, reasons);
    const kinds = (v: Verdict) =>
      [
        ...v.blocking.map((l) => `blocking ${l.split(':')[0]}`),
        ...v.overridden.map((l) => `overridden ${l.split(':')[0]}`),
        ...v.warnings.map((l) => `warning ${l.split(':')[0]}`),
      ].sort();
    expect(kinds(grid.verdict)).toEqual(expected);
    expect(grid.batch.problems).toEqual([]);
    expect(await serverVerdict(grid.batch)).toEqual(grid.verdict);
  });
});
