import { loadCatalogue } from '@ptce/data/catalogue';
import { quarterRange } from '@ptce/shared/periods';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { upload } from '../imports/test-upload';
import { call, login } from '../test-support/client';
import { seedValues } from '../test-support/seed-values';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';
import { storedQuarterIssues } from './stored-issues';

// Outlier warnings O1–O3 (a value far from its own history) come back with the 200 of a save
// and in an import's dry run, quoting the history, and never refuse anything.

let t: TestInstance;
let coord: string;
const URL = '/api/poles/henin-carvin/values';
const JOBS = 'PTCE-EMPLOIS-MEMBRES';
const S = '\u00a0';
const G = '\u202f';

beforeEach(async () => {
  t = await createTestInstance();
  coord = await login(t, 'coord@hc.test');
});
afterEach(async () => {
  await t.close();
});

/** `value` for JOBS in each quarter of `from`…`to`. */
const history = (from: string, to: string, value: number) =>
  seedValues(
    t,
    'henin-carvin',
    quarterRange(from, to).map((p) => ['pole', JOBS, p, value] as [string, string, string, number]),
  );
const put = (value: number) =>
  call(t, 'PUT', URL, {
    cookie: coord,
    body: { period: '2026Q3', entries: [{ scope: 'pole', indicator: JOBS, value }] },
  });
const rulesOf = (issues: Array<{ rule: string }>) => issues.map((i) => i.rule);

describe('outlier warnings in PUT /api/poles/{pole}/values', () => {
  it('answers a ×14 jump with O1, O2 and O3 quoting the history, and saves it', async () => {
    await history('2024Q3', '2026Q2', 88.8);
    const res = await put(1234.5);
    expect(res.status).toBe(200);
    expect(rulesOf(res.json.warnings)).toEqual(['O1', 'O2', 'O3']);
    const [o1, o2, o3] = res.json.warnings;
    expect(o1).toMatchObject({
      severity: 'warning',
      scope: 'pole',
      period: '2026Q3',
      slice: '',
      cells: [{ scope: 'pole', indicator: JOBS, slice: '' }],
      params: { indicator: JOBS, value: 1234.5, median: 88.8, quarters: 8 },
      messageFr: `Emplois des structures membres${S}: 1${G}234,5${S}ETP, très au-dessus de la médiane des 8 derniers trimestres saisis (88,8${S}ETP).`,
      messageEn: `Jobs in member organisations: 1,234.5${S}FTE, far above the median of the last 8 entered quarters (88.8${S}FTE).`,
    });
    expect(o2.messageFr).toContain(`plus du triple du trimestre précédent (88,8${S}ETP)`);
    expect(o2.params).toMatchObject({ reference: 88.8, referencePeriod: '2026Q2' });
    expect(o3.messageFr).toContain(`plus du triple du même trimestre l’an dernier (88,8${S}ETP)`);
    expect(o3.params).toMatchObject({ reference: 88.8, referencePeriod: '2025Q3' });
    expect(res.json.overridden).toEqual([]);
    const saved = await t.db.selectFrom('values').select('value').where('period', '=', '2026Q3');
    expect(await saved.execute()).toEqual([{ value: 1234.5 }]);
  });

  it('reads the history beyond the other rules’ window: 4 entered quarters 2 to 3 years back', async () => {
    await seedValues(
      t,
      'henin-carvin',
      ['2023Q4', '2024Q1', '2024Q2', '2024Q3'].map((p) => ['pole', JOBS, p, 90]),
    );
    const res = await put(1000);
    expect(res.status).toBe(200);
    expect(rulesOf(res.json.warnings)).toEqual(['O1']);
    expect(res.json.warnings[0].params).toMatchObject({ median: 90, quarters: 4 });
  });

  it('says nothing for a usual value, nor for a small count moving a little', async () => {
    await history('2024Q3', '2026Q2', 88.8);
    const usual = await put(91.2);
    expect(usual.status).toBe(200);
    expect(usual.json.warnings).toEqual([]);
    await seedValues(t, 'henin-carvin', [['pole', 'PTCE-EVENEMENTS', '2026Q2', 0]]);
    const events = await call(t, 'PUT', URL, {
      cookie: coord,
      body: {
        period: '2026Q3',
        entries: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 2 }],
      },
    });
    expect(events.status).toBe(200);
    expect(events.json.warnings).toEqual([]);
  });

  it('does not warn again about a stored outlier the batch leaves alone', async () => {
    await history('2024Q3', '2026Q2', 88.8);
    expect(rulesOf((await put(1234.5)).json.warnings)).toEqual(['O1', 'O2', 'O3']);
    const other = await call(t, 'PUT', URL, {
      cookie: coord,
      body: {
        period: '2026Q3',
        entries: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 4 }],
      },
    });
    expect(other.status).toBe(200);
    expect(other.json.warnings).toEqual([]);
  });
});

describe('outlier warnings in an import dry run', () => {
  it('lists them located in the file, writes nothing', async () => {
    await history('2024Q3', '2026Q2', 88.8);
    const csv = ['scope,indicator,slice,value,comment', `pole,${JOBS},,1234.5,`].join('\r\n');
    const res = await upload(t, '/api/poles/henin-carvin/import?period=2026Q3&dryRun=true', csv, {
      cookie: coord,
      type: 'text/csv',
      headers: { 'x-filename': 'saisie.csv' },
    });
    expect(res.status).toBe(200);
    expect(res.json.rules.errors).toEqual([]);
    expect(rulesOf(res.json.rules.warnings)).toEqual(['O1', 'O2', 'O3']);
    expect(res.json.rules.warnings[0]).toMatchObject({
      severity: 'warning',
      message: `Emplois des structures membres${S}: 1${G}234,5${S}ETP, très au-dessus de la médiane des 8 derniers trimestres saisis (88,8${S}ETP).`,
      locations: [{ sheet: null, row: 2 }],
    });
    const stored = await t.db.selectFrom('values').select('id').where('period', '=', '2026Q3');
    expect(await stored.execute()).toEqual([]);
  });
});

describe('storedQuarterIssues', () => {
  it('gives the outlier warnings standing on stored quarters, with their whole history', async () => {
    await history('2023Q3', '2026Q2', 88.8);
    await seedValues(t, 'henin-carvin', [['pole', JOBS, '2026Q3', 1234.5]]);
    const issues = await storedQuarterIssues(t.db, {
      catalogue: loadCatalogue(),
      poleId: t.poleIds.get('henin-carvin')!,
      from: '2026Q2',
      to: '2026Q3',
    });
    expect([...issues.keys()]).toEqual(['2026Q2', '2026Q3']);
    expect(rulesOf(issues.get('2026Q2')!)).toEqual([]);
    const q3 = issues.get('2026Q3')!.filter((i) => /^O\d$/.test(i.rule));
    expect(q3.map((i) => [i.rule, i.severity])).toEqual([
      ['O1', 'warning'],
      ['O2', 'warning'],
      ['O3', 'warning'],
    ]);
    expect(q3[0]?.params).toMatchObject({ median: 88.8, quarters: 8 });
  });

  it('reads the totals up to 12 quarters before the first quarter', async () => {
    await seedValues(
      t,
      'henin-carvin',
      ['2023Q4', '2024Q1', '2024Q2', '2024Q3'].map((p) => ['pole', JOBS, p, 90]),
    );
    await seedValues(t, 'henin-carvin', [['pole', JOBS, '2026Q3', 1000]]);
    const issues = await storedQuarterIssues(t.db, {
      catalogue: loadCatalogue(),
      poleId: t.poleIds.get('henin-carvin')!,
      from: '2026Q3',
      to: '2026Q3',
    });
    expect(rulesOf(issues.get('2026Q3')!)).toEqual(['O1']);
  });
});
