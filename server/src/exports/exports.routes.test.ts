import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, ORIGIN } from '../test-support/client';
import { seedValues } from '../test-support/seed-values';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';

let t: TestInstance;
const cookie: Record<string, string> = {};
const TE = 'transition-ecologique';

beforeAll(async () => {
  t = await createTestInstance();
  for (const e of [
    'coord@hc.test',
    'cress@hdf.test',
    'cress@occ.test',
    'admin@test.test',
    'board@hc.test',
  ])
    cookie[e] = await login(t, e);
  const q = ['2025Q1', '2025Q2', '2025Q3', '2025Q4'];
  await seedValues(t, 'henin-carvin', [
    ...q.map((p, i): [string, string, string, number] => [
      TE,
      'TE-DECHETS-COLLECTES',
      p,
      10.5 * (i + 1),
    ]),
    ...q
      .slice(0, 3)
      .map((p): [string, string, string, number] => [TE, 'TE-DECHETS-REEMPLOI', p, 2.5]),
    [TE, 'TE-DECHETS-COLLECTES', '2025Q1', 4.5, 'waste_stream=mobilier'],
    [TE, 'TE-DECHETS-COLLECTES', '2025Q1', 6, 'waste_stream=non_renseigne'],
    ...q.map((p, i): [string, string, string, number] => ['pole', 'PTCE-MEMBRES', p, 15 + i]),
  ]);
  await seedValues(t, 'demo-littoral', [
    ...q.map((p): [string, string, string, number] => [TE, 'TE-DECHETS-COLLECTES', p, 1]),
    ...q.map((p): [string, string, string, number] => ['pole', 'PTCE-MEMBRES', p, 10]),
  ]);
  await seedValues(t, 'autre-pole', [['pole', 'PTCE-MEMBRES', '2025Q4', 99]]);
  const hc = t.poleIds.get('henin-carvin')!;
  await t.db
    .insertInto('quarter_status')
    .values(
      q.map((period) => ({
        pole_id: hc,
        period,
        status: 'validated',
        reason: null,
        updated_at: '2026-11-01T00:00:00.000Z',
        updated_by: null,
      })),
    )
    .execute();
});
afterAll(async () => {
  await t.close();
});

const url = (params: string) => `/api/exports/values?from=2025Q1&to=2025Q4&${params}`;
const csvRows = (text: string, delimiter = ',') =>
  parse(text, { columns: true, delimiter, bom: true, skip_empty_lines: true }) as Array<
    Record<string, string>
  >;

describe('GET /api/exports/values', () => {
  it('csv (RFC 4180) by quarter at scope level, in column order, with the entered numbers', async () => {
    const res = await call(t, 'GET', url('format=csv'), { cookie: cookie['coord@hc.test'] });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(res.headers.get('content-disposition')).toMatch(
      /attachment; filename="ptce-export-scope-quarter-2025Q1-2025Q4\.csv"/,
    );
    expect(res.text.split('\r\n')[0]).toBe(
      'region,pole,scope,indicator,unit,period,slice,value,status,complete',
    );
    const rows = csvRows(res.text);
    expect(new Set(rows.map((r) => r.pole))).toEqual(new Set(['henin-carvin']));
    expect(
      rows.find(
        (r) => r.indicator === 'TE-DECHETS-COLLECTES' && r.period === '2025Q2' && r.slice === '',
      ),
    ).toEqual({
      region: 'HDF',
      pole: 'henin-carvin',
      scope: TE,
      indicator: 'TE-DECHETS-COLLECTES',
      unit: 'tonnes',
      period: '2025Q2',
      slice: '',
      value: '21',
      status: 'validated',
      complete: 'true',
    });
    // a ratio is written with its catalogue decimals (one for a percentage), as screens show it
    expect(
      rows.find((r) => r.indicator === 'TE-TAUX-REEMPLOI' && r.period === '2025Q1')?.value,
    ).toBe('23.8');
  });

  it('csv-fr opens in French Excel: BOM, ";", decimal comma, CRLF — and reads back equal to the API values', async () => {
    const raw = await t.app.request(`${ORIGIN}${url('format=csv-fr&by=quarter')}`, {
      headers: { cookie: cookie['coord@hc.test']! },
    });
    const bytes = new Uint8Array(await raw.clone().arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const res = { status: raw.status, text: await raw.text() };
    expect(res.status).toBe(200);
    expect(res.text).toContain('\r\n');
    expect(res.text.replaceAll('\r\n', '')).not.toContain('\n');
    const rows = csvRows(res.text, ';');
    const api = await call(
      t,
      'GET',
      '/api/poles/henin-carvin/values?from=2025Q1&to=2025Q4&scope=transition-ecologique',
      { cookie: cookie['coord@hc.test'] },
    );
    for (const v of api.json.values) {
      const row = rows.find(
        (r) =>
          r.indicator === v.indicator &&
          r.period === v.period &&
          r.slice === v.slice &&
          r.scope === v.scope,
      )!;
      expect(Number(row.value!.replace(',', '.'))).toBe(v.value);
    }
    expect(rows.find((r) => r.slice === 'waste_stream=mobilier')?.value).toBe('4,5');
  });

  it('by year: flows summed, stocks at Q4, incomplete years flagged', async () => {
    const rows = csvRows(
      (await call(t, 'GET', url('format=csv&by=year'), { cookie: cookie['coord@hc.test'] })).text,
    );
    const get = (ind: string) => rows.find((r) => r.indicator === ind && r.slice === '');
    expect(get('TE-DECHETS-COLLECTES')).toMatchObject({
      period: '2025',
      value: '105',
      complete: 'true',
      status: 'validated',
    });
    expect(get('TE-DECHETS-REEMPLOI')).toMatchObject({ value: '7.5', complete: 'false' });
    expect(get('PTCE-MEMBRES')).toMatchObject({ value: '18', complete: 'true' });
  });

  it('pole and region levels add scopes and poles; a CRESS sees only its region', async () => {
    const region = csvRows(
      (
        await call(t, 'GET', url('format=csv&by=year&level=region'), {
          cookie: cookie['cress@hdf.test'],
        })
      ).text,
    );
    expect(region.find((r) => r.indicator === 'PTCE-MEMBRES')).toMatchObject({
      region: 'HDF',
      pole: '',
      scope: '',
      value: '28',
      status: 'mixed',
    });
    expect(
      region.find((r) => r.indicator === 'TE-DECHETS-COLLECTES' && r.slice === '')?.value,
    ).toBe('109');
    const poles = csvRows(
      (
        await call(t, 'GET', url('format=csv&by=year&level=pole'), {
          cookie: cookie['cress@hdf.test'],
        })
      ).text,
    );
    expect(new Set(poles.map((r) => `${r.pole}|${r.scope}`))).toEqual(
      new Set(['demo-littoral|', 'henin-carvin|']),
    );
    const admin = csvRows(
      (await call(t, 'GET', url('format=csv&level=region'), { cookie: cookie['admin@test.test'] }))
        .text,
    );
    expect(new Set(admin.map((r) => r.region))).toEqual(new Set(['HDF', 'OCC']));
  });

  it('refuses filters outside the caller scope with 404, and bad parameters with 400', async () => {
    expect(
      (await call(t, 'GET', url('region=OCC'), { cookie: cookie['cress@hdf.test'] })).status,
    ).toBe(404);
    expect(
      (await call(t, 'GET', url('poles=autre-pole'), { cookie: cookie['coord@hc.test'] })).status,
    ).toBe(404);
    expect(
      (
        await call(t, 'GET', url('poles=henin-carvin,demo-littoral'), {
          cookie: cookie['board@hc.test'],
        })
      ).status,
    ).toBe(404);
    expect(
      (await call(t, 'GET', url('format=pdf'), { cookie: cookie['coord@hc.test'] })).status,
    ).toBe(400);
    expect(
      (
        await call(t, 'GET', '/api/exports/values?from=2025Q4&to=2025Q1', {
          cookie: cookie['coord@hc.test'],
        })
      ).status,
    ).toBe(400);
    expect((await call(t, 'GET', url('format=csv'))).status).toBe(401);
    // a region total built from one pole would mislead: region level is a CRESS's or an admin's
    expect(
      (await call(t, 'GET', url('level=region'), { cookie: cookie['coord@hc.test'] })).status,
    ).toBe(403);
  });

  it('json carries the manifest in its header; the manifest is reproducible', async () => {
    const res = await call(t, 'GET', url('format=json&level=pole'), {
      cookie: cookie['cress@hdf.test'],
    });
    expect(res.status).toBe(200);
    expect(res.json.manifest).toMatchObject({
      generatedBy: { email: 'cress@hdf.test' },
      filters: { level: 'pole', poles: ['demo-littoral', 'henin-carvin'] },
    });
    expect(res.json.rows).toHaveLength(res.json.manifest.rowCount);
    expect(Object.keys(res.json.rows[0])).toEqual([
      'region',
      'pole',
      'scope',
      'indicator',
      'unit',
      'period',
      'slice',
      'value',
      'status',
      'complete',
    ]);
    const m1 = await call(t, 'GET', '/api/exports/manifest?from=2025Q1&to=2025Q4&level=pole', {
      cookie: cookie['cress@hdf.test'],
    });
    const m2 = await call(
      t,
      'GET',
      '/api/exports/manifest?from=2025Q1&to=2025Q4&level=pole&format=csv-fr',
      { cookie: cookie['cress@hdf.test'] },
    );
    expect(m1.json.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(m1.json.sha256).toBe(res.json.manifest.sha256);
    expect(m2.json.sha256).toBe(m1.json.sha256);
    const csv = await call(t, 'GET', url('format=csv&level=pole'), {
      cookie: cookie['cress@hdf.test'],
    });
    const dataRows = csv.text.split('\r\n').slice(1).filter(Boolean);
    expect(dataRows).toHaveLength(m1.json.rowCount);
    const { createHash } = await import('node:crypto');
    expect(
      createHash('sha256')
        .update(dataRows.map((l) => `${l}\r\n`).join(''))
        .digest('hex'),
    ).toBe(m1.json.sha256);
  });

  it('xlsx: one sheet for the level with numeric cells, number formats and a frozen header; columns and manifest sheets', async () => {
    const res = await t.app.request(`${ORIGIN}${url('format=xlsx')}`, {
      headers: { cookie: cookie['coord@hc.test']! },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Périmètres', 'Colonnes', 'Manifeste']);
    const sheet = wb.getWorksheet('Périmètres')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([
      'region',
      'pole',
      'scope',
      'indicator',
      'unit',
      'period',
      'slice',
      'value [unit]',
      'status',
      'complete',
    ]);
    const rows = sheet.getSheetValues().slice(2) as unknown[][];
    const collect = rows.find((r) => r[4] === 'TE-DECHETS-COLLECTES' && r[6] === '2025Q3' && !r[7]);
    expect(collect?.[8]).toBe(31.5);
    const cell = sheet.getRow(rows.indexOf(collect!) + 2).getCell(8);
    expect(cell.type).toBe(ExcelJS.ValueType.Number);
    expect(cell.numFmt).toBe('#,##0.0 "t"');
    expect(new Set(rows.map((r) => r[3]))).toEqual(new Set(['transition-ecologique', 'pole']));
    const manifest = wb.getWorksheet('Manifeste')!.getSheetValues().slice(2) as unknown[][];
    expect(manifest.find((r) => r[1] === 'rowCount')?.[2]).toBe(sheet.rowCount - 1);
    const pole = await t.app.request(`${ORIGIN}${url('format=xlsx&level=pole')}`, {
      headers: { cookie: cookie['cress@hdf.test']! },
    });
    const wb2 = new ExcelJS.Workbook();
    await wb2.xlsx.load(await pole.arrayBuffer());
    expect(wb2.worksheets.map((w) => w.name)).toEqual(['Pôles', 'Colonnes', 'Manifeste']);
  });
});

describe('formula injection', () => {
  it('neutralises a text cell that a spreadsheet would run, even one planted in the database', async () => {
    const t2 = await createTestInstance();
    const poleId = t2.poleIds.get('henin-carvin')!;
    // The API refuses such a slug; plant it directly to prove the writer itself neutralises.
    await t2.db
      .updateTable('working_groups')
      .set({ slug: '=HYPERLINK("http://x")' })
      .where('pole_id', '=', poleId)
      .where('slug', '=', 'pole')
      .execute();
    const group = await t2.db
      .selectFrom('working_groups')
      .select('id')
      .where('pole_id', '=', poleId)
      .where('slug', 'like', '=%')
      .executeTakeFirstOrThrow();
    await t2.db
      .insertInto('values')
      .values({
        pole_id: poleId,
        group_id: group.id,
        indicator_code: 'PTCE-EVENEMENTS',
        period: '2025Q1',
        slice: '',
        value: 2,
        comment: null,
        override_reason: null,
        version: 1,
        updated_at: '2026-11-01T00:00:00.000Z',
        updated_by: null,
      })
      .execute();
    const admin = await login(t2, 'admin@test.test');
    for (const format of ['csv', 'csv-fr']) {
      const res = await call(
        t2,
        'GET',
        `/api/exports/values?format=${format}&from=2025Q1&to=2025Q1&poles=henin-carvin`,
        { cookie: admin },
      );
      const rows = csvRows(res.text, format === 'csv' ? ',' : ';');
      expect(rows.map((r) => r.scope)).toContain(`'=HYPERLINK("http://x")`);
      expect(res.text).not.toMatch(/[,;]=HYPERLINK/);
    }
    await t2.close();
  });
});
