import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login, ORIGIN } from '../test-support/client';
import { seedValues } from '../test-support/seed-values';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';

let t: TestInstance;
let cress: string;
let coord: string;
const TE = 'transition-ecologique';
const Q = ['2025Q1', '2025Q2', '2025Q3', '2025Q4'];

// henin-carvin: Q1 and Q2 validated, Q3 submitted, Q4 draft (no recorded state);
// demo-littoral (same region): every quarter a draft.
beforeAll(async () => {
  t = await createTestInstance();
  cress = await login(t, 'cress@hdf.test');
  coord = await login(t, 'coord@hc.test');
  await seedValues(t, 'henin-carvin', [
    ...Q.map((p, i): [string, string, string, number] => [
      TE,
      'TE-DECHETS-COLLECTES',
      p,
      10 * (i + 1) + 0.5,
    ]),
    [TE, 'TE-DECHETS-COLLECTES', '2025Q1', 4.5, 'waste_stream=mobilier'],
    [TE, 'TE-DECHETS-REEMPLOI', '2025Q1', 2.5],
    ...Q.map((p, i): [string, string, string, number] => ['pole', 'PTCE-MEMBRES', p, 15 + i]),
  ]);
  await seedValues(t, 'demo-littoral', [
    ...Q.map((p): [string, string, string, number] => [TE, 'TE-DECHETS-COLLECTES', p, 1]),
  ]);
  const hc = t.poleIds.get('henin-carvin')!;
  await t.db
    .insertInto('quarter_status')
    .values(
      (
        [
          ['2025Q1', 'validated'],
          ['2025Q2', 'validated'],
          ['2025Q3', 'submitted'],
        ] as const
      ).map(([period, status]) => ({
        pole_id: hc,
        period,
        status,
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

const url = (params: string, path = 'values') =>
  `/api/exports/${path}?from=2025Q1&to=2025Q4&${params}`;
const csvRows = (text: string, delimiter = ',') =>
  parse(text, { columns: true, delimiter, bom: true, skip_empty_lines: true }) as Array<
    Record<string, string>
  >;
const get = async (params: string, cookie = cress) => {
  const res = await call(t, 'GET', url(params), { cookie });
  expect(res.status).toBe(200);
  return res;
};

describe('labels=fr|en: an export for people', () => {
  it('csv-fr with labels=fr reads back as French Excel would: BOM, ";", CRLF, decimal comma, French words', async () => {
    const raw = await t.app.request(`${ORIGIN}${url('format=csv-fr&labels=fr')}`, {
      headers: { cookie: coord },
    });
    expect(raw.status).toBe(200);
    const bytes = new Uint8Array(await raw.arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
    expect(text[0]).toBe('\uFEFF');
    expect(text.replaceAll('\r\n', '')).not.toContain('\n');
    expect(text.slice(1).split('\r\n')[0]).toBe(
      'Code région;Région;Identifiant du pôle;Pôle;Identifiant du périmètre;Périmètre;Code indicateur;Indicateur;Unité;Période;Code ventilation;Ventilation;Valeur;Statut;Complet',
    );
    const rows = csvRows(text, ';');
    const find = (period: string, slice = '') =>
      rows.find(
        (r) =>
          r['Code indicateur'] === 'TE-DECHETS-COLLECTES' &&
          r.Période === period &&
          r['Code ventilation'] === slice,
      );
    expect(find('T1 2025')).toEqual({
      'Code région': 'HDF',
      Région: 'Hauts-de-France',
      'Identifiant du pôle': 'henin-carvin',
      Pôle: 'PTCE Hénin-Carvin',
      'Identifiant du périmètre': TE,
      Périmètre: 'Transition écologique',
      'Code indicateur': 'TE-DECHETS-COLLECTES',
      Indicateur: 'Tonnes collectées en vue du réemploi',
      Unité: 't',
      Période: 'T1 2025',
      'Code ventilation': '',
      Ventilation: '',
      Valeur: '10,5',
      Statut: 'Validé',
      Complet: 'oui',
    });
    expect(find('T1 2025', 'waste_stream=mobilier')).toMatchObject({
      Ventilation: 'Flux de déchets : Mobilier',
      Valeur: '4,5',
    });
    expect(find('T3 2025')?.Statut).toBe('Soumis');
    expect(find('T4 2025')?.Statut).toBe('Brouillon');
    expect(rows.find((r) => r['Code indicateur'] === 'PTCE-MEMBRES')).toMatchObject({
      Périmètre: 'Pôle',
      Unité: 'nombre',
    });
    expect(new Set(rows.map((r) => r.Complet))).toEqual(new Set(['oui', 'non']));
  });

  it('labels=en writes English words; years stay `2025`; aggregated rows say Mixed', async () => {
    const rows = csvRows((await get('format=csv&labels=en&by=year&level=region')).text);
    expect(Object.keys(rows[0]!)).toEqual([
      'Region code',
      'Region',
      'Pole id',
      'Pole',
      'Scope id',
      'Scope',
      'Indicator code',
      'Indicator',
      'Unit',
      'Period',
      'Breakdown code',
      'Breakdown',
      'Value',
      'Status',
      'Complete',
    ]);
    const total = rows.find((r) => r['Indicator code'] === 'TE-DECHETS-COLLECTES' && !r.Breakdown);
    expect(total).toMatchObject({
      'Region code': 'HDF',
      Region: 'Hauts-de-France',
      'Pole id': '',
      Pole: '',
      Indicator: 'Tonnes collected for reuse',
      Period: '2025',
      Value: '106',
      Status: 'Mixed',
      Complete: 'yes',
    });
    expect(rows.find((r) => r['Breakdown code'] === 'waste_stream=mobilier')?.Breakdown).toBe(
      'Waste stream: Furniture',
    );
  });

  it('json with labels: the same columns as the csv (the manifest lists them), the value a number', async () => {
    const { json } = await get('format=json&labels=fr&level=pole');
    expect(json.manifest.filters).toMatchObject({ labels: 'fr' });
    expect(Object.keys(json.rows[0])).toEqual(json.manifest.columns);
    const row = json.rows.find(
      (r: Record<string, unknown>) =>
        r.pole === 'henin-carvin' &&
        r.indicator === 'TE-DECHETS-COLLECTES' &&
        r.period === 'T2 2025' &&
        r.slice === '',
    );
    expect(row).toMatchObject({
      pole_name: 'PTCE Hénin-Carvin',
      scope: '',
      scope_name: '',
      value: 20.5,
      status: 'Validé',
      complete: 'oui',
    });
    const csv = csvRows((await get('format=csv&labels=fr&level=pole')).text);
    expect(csv).toHaveLength(json.rows.length);
  });

  it('labels change the words, not the data: same row count and digest as the long format', async () => {
    const m0 = (await call(t, 'GET', url('', 'manifest'), { cookie: cress })).json;
    const m1 = (await call(t, 'GET', url('labels=fr&format=csv-fr', 'manifest'), { cookie: cress }))
      .json;
    const m2 = (await call(t, 'GET', url('labels=en&format=xlsx', 'manifest'), { cookie: cress }))
      .json;
    expect(m1.rowCount).toBe(m0.rowCount);
    expect(m1.sha256).toBe(m0.sha256);
    expect(m2.sha256).toBe(m0.sha256);
    expect(m0.columns).toEqual([
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
    expect(m1.columns).toHaveLength(15);
    expect(m0.filters).toMatchObject({ labels: null, status: ['draft', 'submitted', 'validated'] });
  });
});

describe('status=: only quarters in these states', () => {
  const collected = (rows: Array<Record<string, string>>, pole = 'henin-carvin') =>
    rows.filter((r) => r.indicator === 'TE-DECHETS-COLLECTES' && r.slice === '' && r.pole === pole);

  it('status=validated has no draft or submitted row, by quarter', async () => {
    const rows = csvRows((await get('format=csv&status=validated')).text);
    expect(rows.length).toBeGreaterThan(0);
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(['validated']));
    expect(collected(rows).map((r) => r.period)).toEqual(['2025Q1', '2025Q2']);
    expect(rows.some((r) => r.pole === 'demo-littoral')).toBe(false);
  });

  it('its aggregates use only validated quarters: by year, at pole and region level', async () => {
    const year = csvRows((await get('format=csv&status=validated&by=year&level=pole')).text);
    expect(collected(year)).toEqual([
      expect.objectContaining({
        period: '2025',
        value: '31',
        status: 'validated',
        complete: 'false',
      }),
    ]);
    // a stock is its last quarter's: Q4 is left out, so no value
    expect(year.find((r) => r.indicator === 'PTCE-MEMBRES')).toMatchObject({
      value: '',
      status: 'validated',
      complete: 'false',
    });
    const region = csvRows((await get('format=csv&status=validated&by=year&level=region')).text);
    // demo-littoral's draft quarters neither add to the total nor make it mixed
    expect(collected(region, '')).toEqual([
      expect.objectContaining({ region: 'HDF', value: '31', status: 'validated' }),
    ]);
    const all = csvRows((await get('format=csv&by=year&level=region')).text);
    expect(collected(all, '')).toEqual([
      expect.objectContaining({ value: '106', status: 'mixed', complete: 'true' }),
    ]);
  });

  it('several states: comma-separated, in any order; all three is no filter', async () => {
    const a = await get('format=csv&status=validated,submitted&by=year&level=pole');
    const b = await get('format=csv&status=submitted,validated,submitted&by=year&level=pole');
    expect(a.text).toBe(b.text);
    expect(collected(csvRows(a.text))).toEqual([
      expect.objectContaining({ value: '61.5', status: 'mixed', complete: 'false' }),
    ]);
    const quarters = csvRows((await get('format=csv&status=draft,submitted')).text);
    expect(collected(quarters).map((r) => [r.period, r.status])).toEqual([
      ['2025Q3', 'submitted'],
      ['2025Q4', 'draft'],
    ]);
    expect(quarters.some((r) => r.pole === 'demo-littoral')).toBe(true);
    const every = await get('format=csv&status=draft,submitted,validated');
    expect(every.text).toBe((await get('format=csv')).text);
    expect(every.headers.get('content-disposition')).toBe(
      (await get('format=csv')).headers.get('content-disposition'),
    );
    expect(a.headers.get('content-disposition')).toContain('-submitted-validated.csv');
  });

  it('the manifest counts rows by status; the counts add up to the row count', async () => {
    for (const params of ['', 'status=validated', 'level=region&by=year', 'labels=fr&by=year']) {
      const m = (await call(t, 'GET', url(params, 'manifest'), { cookie: cress })).json;
      const rows = csvRows((await get(`format=csv&${params}`)).text);
      const c = m.statusCounts;
      expect(c.validated + c.submitted + c.draft + c.mixed).toBe(m.rowCount);
      expect(rows).toHaveLength(m.rowCount);
      const count = (s: string) => rows.filter((r) => (r.status ?? r.Statut) === s).length;
      if (params.includes('labels=fr'))
        expect(c).toEqual({
          validated: count('Validé'),
          submitted: count('Soumis'),
          draft: count('Brouillon'),
          mixed: count('Mixte'),
        });
      else
        expect(c).toEqual({
          validated: count('validated'),
          submitted: count('submitted'),
          draft: count('draft'),
          mixed: count('mixed'),
        });
    }
    const m = (await call(t, 'GET', url('level=region&by=year', 'manifest'), { cookie: cress }))
      .json;
    expect(m.statusCounts.mixed).toBeGreaterThan(0);
    const v = (await call(t, 'GET', url('status=validated', 'manifest'), { cookie: cress })).json;
    expect(v.statusCounts).toMatchObject({ submitted: 0, draft: 0, mixed: 0 });
    expect(v.filters.status).toEqual(['validated']);
  });
});

describe('xlsx: the header matches its Colonnes sheet', () => {
  const workbook = async (params: string) => {
    const res = await t.app.request(`${ORIGIN}${url(`format=xlsx&${params}`)}`, {
      headers: { cookie: cress },
    });
    expect(res.status).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(await res.arrayBuffer());
    return wb;
  };
  const header = (s: ExcelJS.Worksheet) => (s.getRow(1).values as unknown[]).slice(1);
  const column = (s: ExcelJS.Worksheet, n: number) =>
    (s.getSheetValues().slice(2) as unknown[][]).map((r) => r[n]);

  it.each([
    ['', ['Périmètres', 'Colonnes', 'Manifeste'], ['colonne', 'description', 'description (en)']],
    ['labels=fr', ['Périmètres', 'Colonnes', 'Manifeste'], ['Colonne', 'Description']],
    ['labels=en', ['Scopes', 'Columns', 'Manifest'], ['Column', 'Description']],
  ])('%s', async (params, sheets, docsHead) => {
    const wb = await workbook(params);
    expect(wb.worksheets.map((w) => w.name)).toEqual(sheets);
    const [data, docs, meta] = wb.worksheets as [
      ExcelJS.Worksheet,
      ExcelJS.Worksheet,
      ExcelJS.Worksheet,
    ];
    expect(header(docs)).toEqual(docsHead);
    expect(column(docs, 1)).toEqual(header(data));
    expect(header(data)).toHaveLength(params ? 15 : 10);
    const descriptions = column(docs, 2).join(' ');
    if (params === 'labels=en') expect(descriptions).toContain('Draft, Submitted, Validated');
    if (params === 'labels=fr') expect(descriptions).toContain('Brouillon, Soumis, Validé');
    if (!params) expect(header(data)).toContain('value [unit]');
    const rows = data.getSheetValues().slice(2) as unknown[][];
    expect(rows.length).toBeGreaterThan(5);
    const entries = new Map(
      (meta.getSheetValues().slice(2) as unknown[][]).map((r) => [r[1], r[2]]),
    );
    expect(entries.get('rowCount')).toBe(rows.length);
    expect(
      ['validated', 'submitted', 'draft', 'mixed'].reduce(
        (n, s) => n + Number(entries.get(`statusCounts.${s}`)),
        0,
      ),
    ).toBe(rows.length);
  });

  it('value cells stay numbers with the unit format, with labels too', async () => {
    const data = (await workbook('labels=fr')).worksheets[0]!;
    const rows = data.getSheetValues().slice(2) as unknown[][];
    const i = rows.findIndex(
      (r) =>
        r[3] === 'henin-carvin' && r[7] === 'TE-DECHETS-COLLECTES' && r[10] === 'T3 2025' && !r[11],
    );
    expect(rows[i]).toEqual(
      expect.arrayContaining(['Soumis', 'oui', 'Tonnes collectées en vue du réemploi']),
    );
    const cell = data.getRow(i + 2).getCell(13);
    expect(cell.value).toBe(30.5);
    expect(cell.numFmt).toBe('#,##0.0 "t"');
  });
});

describe('bad parameters', () => {
  it.each([
    'status=foo',
    'status=validated,foo',
    'status=',
    'labels=de',
    'labels=',
    'status=validated&status=draft',
  ])('%s → 400 in the envelope, on the export and the manifest', async (params) => {
    for (const path of ['values', 'manifest']) {
      const res = await call(t, 'GET', url(`format=csv&${params}`, path), { cookie: cress });
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe('VALIDATION_FAILED');
      expect(res.json.error.issues[0].path[0]).toMatch(/^(status|labels)$/);
    }
  });
});
