import { loadCatalogue } from '@ptce/data/catalogue';
import { type DemoDefinition, loadDemo } from '@ptce/data/demo';
import { generateDemoValues } from '@ptce/data/generate-demo';
import type { ExportRow } from '@ptce/shared/exports.schema';
import type { RegionValuesResponse } from '@ptce/shared/region-values.schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login } from '../test-support/client';
import { seedValues } from '../test-support/seed-values';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';

let t: TestInstance;
const cookie: Record<string, string> = {};
const catalogue = loadCatalogue();
const RATIOS = new Set(catalogue.indicators.filter((i) => i.kind === 'ratio').map((i) => i.code));

/**
 * The demo's generated values (totals and every breakdown) for the test instance's poles from
 * 2023Q1 to 2026Q3, with one cell in seven left out, so that some periods are incomplete and
 * some ratios lack a part.
 */
async function seedDemo() {
  const hc = loadDemo().poles.find((p) => p.slug === 'henin-carvin')!;
  const demo: DemoDefinition = {
    regions: [
      { code: 'HDF', name: 'Hauts-de-France' },
      { code: 'OCC', name: 'Occitanie' },
    ],
    poles: [
      hc,
      { ...hc, slug: 'demo-littoral', groups: hc.groups.slice(0, 1) },
      { ...hc, slug: 'autre-pole', region: 'OCC', groups: hc.groups.slice(0, 1) },
    ],
    accounts: [],
  };
  const { values } = generateDemoValues(demo, catalogue, {
    seed: 11,
    from: '2023Q1',
    to: '2026Q3',
  });
  for (const pole of demo.poles) {
    const cells = values
      .filter((v, i) => v.pole === pole.slug && i % 7 !== 3)
      .map((v): [string, string, string, number, string] => [
        v.scope,
        v.indicator,
        v.period,
        v.value,
        v.slice,
      ]);
    for (let i = 0; i < cells.length; i += 2000)
      await seedValues(t, pole.slug, cells.slice(i, i + 2000));
  }
}

beforeAll(async () => {
  t = await createTestInstance();
  for (const e of [
    'cress@hdf.test',
    'cress@occ.test',
    'admin@test.test',
    'coord@hc.test',
    'board@hc.test',
    'coord@littoral.test',
    'coord@other.test',
  ])
    cookie[e] = await login(t, e);
  await seedDemo();
});
afterAll(async () => {
  await t.close();
});

const regionValues = async (query: string, who = 'cress@hdf.test', region = 'HDF') => {
  const res = await call(t, 'GET', `/api/regions/${region}/values?${query}`, {
    cookie: cookie[who],
  });
  expect([query, res.status]).toEqual([query, 200]);
  return res.json as RegionValuesResponse;
};

const exportRows = async (query: string): Promise<ExportRow[]> => {
  const res = await call(t, 'GET', `/api/exports/values?format=json&${query}`, {
    cookie: cookie['cress@hdf.test'],
  });
  expect(res.status).toBe(200);
  return (res.json.rows as ExportRow[]).filter((r) => r.slice === '');
};

type Series = RegionValuesResponse['total']['series'];

/** Every export row equals the series' number at its period, and the series holds nothing more. */
function expectSameNumbers(rows: ExportRow[], series: Series, periods: string[]) {
  const bySeries = new Map(series.map((s) => [s.indicator, s]));
  const seen = new Set<string>();
  for (const row of rows) {
    const s = bySeries.get(row.indicator);
    const at = periods.indexOf(row.period);
    expect([row.indicator, row.period, s?.values[at], s?.complete[at]]).toEqual([
      row.indicator,
      row.period,
      row.value,
      row.complete,
    ]);
    seen.add(`${row.indicator}|${row.period}`);
  }
  for (const s of series) {
    s.values.forEach((v, i) => {
      if (v !== null || s.complete[i])
        expect(seen.has(`${s.indicator}|${periods[i]}`), `${s.indicator} ${periods[i]}`).toBe(true);
    });
  }
}

describe('GET /api/regions/{region}/values', () => {
  it.each(['quarter', 'year'])(
    'region values equal the region-level export for every indicator, by %s (and each pole the pole-level one)',
    async (by) => {
      const range = `from=2023Q3&to=2026Q3&by=${by}`;
      const answer = await regionValues(range);
      expect(answer.region).toEqual({ code: 'HDF', name: 'Hauts-de-France' });
      expect(answer.periods[0]).toBe(by === 'quarter' ? '2023Q3' : '2023');
      expect(answer.poles.map((p) => p.slug)).toEqual(['demo-littoral', 'henin-carvin']);

      const region = await exportRows(`level=region&region=HDF&${range}`);
      // Not a comparison of empty sets: every kind of number is there, ratios and gaps included.
      expect(region.length).toBeGreaterThan(by === 'quarter' ? 300 : 100);
      expect(region.some((r) => RATIOS.has(r.indicator) && r.value !== null)).toBe(true);
      expect(region.some((r) => !r.complete)).toBe(true);
      expect(region.some((r) => r.complete)).toBe(true);
      expect(new Set(region.map((r) => r.indicator)).size).toBeGreaterThan(30);
      expectSameNumbers(region, answer.total.series, answer.periods);

      const poles = await exportRows(`level=pole&region=HDF&${range}`);
      for (const pole of answer.poles) {
        const own = poles.filter((r) => r.pole === pole.slug);
        expect(own.length).toBeGreaterThan(50);
        expectSameNumbers(own, pole.series, answer.periods);
      }
    },
  );

  it('lists every indicator a scope of the region tracks, in catalogue order, tracked or not per pole', async () => {
    const answer = await regionValues('from=2026Q1&to=2026Q3');
    const codes = catalogue.indicators.map((i) => i.code);
    const listed = answer.total.series.map((s) => s.indicator);
    expect(listed).toEqual(codes.filter((c) => listed.includes(c)));
    expect(listed).toContain('MS-TAUX-SORTIES-DYNAMIQUES');
    const littoral = answer.poles.find((p) => p.slug === 'demo-littoral')!;
    const ms = littoral.series.find((s) => s.indicator === 'MS-SORTIES')!;
    // demo-littoral has no Mobilité sociale group.
    expect(ms).toEqual({
      indicator: 'MS-SORTIES',
      tracked: false,
      values: [null, null, null],
      complete: [false, false, false],
    });
    expect(answer.total.series.find((s) => s.indicator === 'MS-SORTIES')!.tracked).toBe(true);
  });

  it('keeps only the asked indicators in the poles’ series, the same numbers, the total whole', async () => {
    const all = await regionValues('from=2025Q1&to=2026Q3');
    const one = await regionValues('from=2025Q1&to=2026Q3&indicators=PTCE-EMPLOIS-MEMBRES');
    expect(one.total).toEqual(all.total);
    expect(one.periods).toEqual(all.periods);
    for (const [i, pole] of one.poles.entries()) {
      expect(pole.series.map((s) => s.indicator)).toEqual(['PTCE-EMPLOIS-MEMBRES']);
      expect(pole.series[0]).toEqual(
        all.poles[i]!.series.find((s) => s.indicator === 'PTCE-EMPLOIS-MEMBRES'),
      );
    }
    const two = await regionValues(
      'from=2025Q1&to=2026Q3&by=year&indicators=MS-SORTIES,PTCE-EMPLOIS-MEMBRES',
    );
    expect(two.poles[0]!.series.map((s) => s.indicator)).toEqual([
      'PTCE-EMPLOIS-MEMBRES',
      'MS-SORTIES',
    ]);
  });

  it('defaults to the twelve quarters up to the last complete one, by quarter', async () => {
    const answer = await regionValues('');
    expect([answer.from, answer.to, answer.by, answer.periods.length]).toEqual([
      '2023Q4',
      '2026Q3',
      'quarter',
      12,
    ]);
  });

  it('answers 404 for a region outside the caller’s scope, or unknown, and 401 without a session', async () => {
    const notFound = async (region: string, who: string) => {
      const res = await call(t, 'GET', `/api/regions/${region}/values`, { cookie: cookie[who] });
      expect([region, who, res.status, res.json.error.code]).toEqual([
        region,
        who,
        404,
        'NOT_FOUND',
      ]);
    };
    await notFound('OCC', 'cress@hdf.test');
    await notFound('HDF', 'cress@occ.test');
    await notFound('HDF', 'coord@hc.test');
    await notFound('HDF', 'board@hc.test');
    await notFound('ZZZ', 'admin@test.test');
    await notFound('ZZZ', 'cress@hdf.test');
    const occ = await regionValues('from=2026Q1&to=2026Q3', 'admin@test.test', 'OCC');
    expect(occ.poles.map((p) => p.slug)).toEqual(['autre-pole']);
    const anonymous = await call(t, 'GET', '/api/regions/HDF/values');
    expect(anonymous.status).toBe(401);
  });

  it.each([
    ['by=month', 'by'],
    ['from=2026Q5', 'from'],
    ['to=soon', 'to'],
    ['from=2026Q3&to=2026Q1', 'from'],
    ['from=2000Q1&to=2100Q4', 'from'],
    ['pole=henin-carvin', ''],
    ['by=year&by=quarter', 'by'],
    ['indicators=NOT-A-CODE', 'indicators'],
    ['indicators=lowercase', 'indicators'],
    ['indicators=', 'indicators'],
  ])('answers 400 in the error envelope to %s', async (query, path) => {
    const res = await call(t, 'GET', `/api/regions/HDF/values?${query}`, {
      cookie: cookie['cress@hdf.test'],
    });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('VALIDATION_FAILED');
    expect(typeof res.json.error.message).toBe('string');
    if (path)
      expect(res.json.error.issues.map((i: { path: string[] }) => i.path[0])).toContain(path);
  });

  it('lists a pole an admin adds to the region, and a region created meanwhile, on the next request', async () => {
    const before = await regionValues('from=2026Q1&to=2026Q3', 'admin@test.test', 'OCC');
    expect(before.poles.map((p) => p.slug)).toEqual(['autre-pole']);
    const missing = await call(t, 'GET', '/api/regions/BRE/values', {
      cookie: cookie['admin@test.test'],
    });
    expect(missing.status).toBe(404);
    const admin = { cookie: cookie['admin@test.test'] };
    expect(
      (
        await call(t, 'POST', '/api/admin/regions', {
          ...admin,
          body: { code: 'BRE', name: 'Bretagne' },
        })
      ).status,
    ).toBe(201);
    const created = await call(t, 'POST', '/api/admin/poles', {
      ...admin,
      body: { slug: 'aaa-neuf', name: 'PTCE Neuf', territory: 'Test', region: 'OCC' },
    });
    expect(created.status).toBe(201);
    const after = await regionValues('from=2026Q1&to=2026Q3', 'admin@test.test', 'OCC');
    expect(after.poles.map((p) => p.slug)).toEqual(['aaa-neuf', 'autre-pole']);
    expect((await regionValues('', 'admin@test.test', 'BRE')).poles).toEqual([]);
  });

  it('is fresh on the next request after a write in one of its poles, and only then', async () => {
    const url = '/api/regions/HDF/values?from=2026Q3&to=2026Q4';
    const read = (etag?: string) =>
      call(t, 'GET', url, {
        cookie: cookie['cress@hdf.test'],
        headers: etag ? { 'if-none-match': etag } : {},
      });
    const events = (json: RegionValuesResponse, pole?: string) =>
      (pole ? json.poles.find((p) => p.slug === pole)! : json.total).series.find(
        (s) => s.indicator === 'PTCE-EVENEMENTS',
      )!.values[1];
    const first = await read();
    expect(events(first.json)).toBeNull();
    const etag = first.headers.get('etag')!;
    expect((await read(etag)).status).toBe(304);

    // A write in another region's pole leaves this answer as it was.
    const other = await call(t, 'PUT', '/api/poles/autre-pole/values', {
      cookie: cookie['coord@other.test'],
      body: {
        period: '2026Q4',
        entries: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 9 }],
      },
    });
    expect(other.status).toBe(200);
    expect((await read(etag)).status).toBe(304);

    const save = await call(t, 'PUT', '/api/poles/demo-littoral/values', {
      cookie: cookie['coord@littoral.test'],
      body: {
        period: '2026Q4',
        entries: [{ scope: 'pole', indicator: 'PTCE-EVENEMENTS', value: 4 }],
      },
    });
    expect(save.status).toBe(200);
    const after = await read(etag);
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(events(after.json)).toBe(4);
    expect(events(after.json, 'demo-littoral')).toBe(4);
    expect(events(after.json, 'henin-carvin')).toBeNull();
  });
});
