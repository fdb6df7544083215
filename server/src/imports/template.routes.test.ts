import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call, login } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';
import { downloadTemplate, findRow } from './test-upload';

let t: TestInstance;
const cookies: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestInstance();
  for (const email of [
    'coord@hc.test',
    'board@hc.test',
    'cress@hdf.test',
    'cress@occ.test',
    'admin@test.test',
  ])
    cookies[email] = await login(t, email);
  const res = await call(t, 'PUT', '/api/poles/henin-carvin/values', {
    cookie: cookies['coord@hc.test'],
    body: {
      period: '2026Q3',
      entries: [
        { scope: 'mobilite-sociale', indicator: 'MS-SORTIES', value: 10, comment: 'Relevé ASP' },
        { scope: 'mobilite-sociale', indicator: 'MS-SORTIES', slice: 'sex=femme', value: 6 },
        { scope: 'mobilite-sociale', indicator: 'MS-SORTIES', slice: 'sex=homme', value: 4 },
        { scope: 'pole', indicator: 'PTCE-CA-GENERE', value: 1234.56 },
      ],
    },
  });
  expect(res.status).toBe(200);
});
afterAll(async () => {
  await t.close();
});

describe('GET /api/poles/{pole}/template.xlsx', () => {
  it('gives a prefilled, protected workbook with a sheet per scope', async () => {
    const { res, wb } = await downloadTemplate(
      t,
      'henin-carvin',
      '2026Q3',
      cookies['board@hc.test']!,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.headers.get('content-disposition')).toBe(
      'attachment; filename="ptce-henin-carvin-2026Q3.xlsx"',
    );
    expect(wb.worksheets.map((w) => w.name)).toEqual([
      'Lisez-moi',
      'Transition écologique',
      'Développement social',
      'Mobilité sociale',
      'Pôle',
    ]);
    const readme = wb.getWorksheet('Lisez-moi')!;
    const readmeText = readme.getColumn(2).values.join(' ');
    expect(readmeText).toContain('henin-carvin');
    expect(readmeText).toContain('2026Q3');
    expect(readmeText).toContain('T3 2026');
    expect(readmeText).toMatch(/virgule/);

    const ms = wb.getWorksheet('Mobilité sociale')!;
    expect(ms.getRow(1).values).toEqual([
      undefined,
      'code indicateur',
      'ventilation',
      'libellé',
      'unité',
      'valeur',
      'commentaire',
      'motif de dérogation',
      'version',
      'définition',
    ]);
    expect(ms.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    // exceljs reads the protection back but does not declare it in its types
    expect((ms as unknown as { sheetProtection: unknown }).sheetProtection).toMatchObject({
      sheet: true,
    });
    expect(ms.getColumn(8).hidden).toBe(true);

    const total = findRow(ms, 'MS-SORTIES');
    expect(total.getCell(5).value).toBe(10);
    expect(total.getCell(5).numFmt).toBe('#,##0');
    expect(total.getCell(6).value).toBe('Relevé ASP');
    expect(total.getCell(7).value).toBeNull();
    expect(total.getCell(8).value).toBe(1);
    expect(total.getCell(4).value).toBe('personnes');
    expect(total.getCell(5).protection).toMatchObject({ locked: false });
    expect(total.getCell(6).protection).toMatchObject({ locked: false });
    expect(total.getCell(7).protection).toMatchObject({ locked: false });
    expect(total.getCell(1).protection?.locked).not.toBe(false);
    expect(String(total.getCell(9).value).length).toBeGreaterThan(20);
    const femmes = findRow(ms, 'MS-SORTIES', 'sex=femme');
    expect(femmes.getCell(3).value).toMatch(/ — Sexe : Femmes$/);
    expect(femmes.getCell(5).value).toBe(6);
    const empty = findRow(ms, 'MS-SORTIES', 'sex=non_renseigne');
    expect(empty.getCell(5).value).toBeNull();
    expect(empty.getCell(8).value).toBe(0);

    const codes = new Set(ms.getColumn(1).values.slice(2));
    expect(codes.has('MS-TAUX-SORTIES-DYNAMIQUES')).toBe(false);
    // every tracked non-ratio indicator, its total followed by its slices
    expect(ms.getRow(2).getCell(1).value).toBe('MS-SALARIES-PARCOURS');
    expect(ms.getRow(2).getCell(2).value).toBeNull();
    expect(ms.getRow(3).getCell(2).value).toBe('sex=femme');

    const pole = wb.getWorksheet('Pôle')!;
    const ca = findRow(pole, 'PTCE-CA-GENERE');
    expect(ca.getCell(5).value).toBe(1234.56);
    expect(ca.getCell(5).numFmt).toBe('#,##0.00');
    // working-group members of the working_group dimension are labelled with the group's name
    expect(
      findRow(pole, 'PTCE-REUNIONS', 'working_group=mobilite-sociale').getCell(3).value,
    ).toMatch(/Groupe de travail : Mobilité sociale$/);
  });

  it('writes user text as plain string cells, never formulas', async () => {
    const comment = '=HYPERLINK("http://x","y")';
    const put = await call(t, 'PUT', '/api/poles/henin-carvin/values', {
      cookie: cookies['coord@hc.test'],
      body: {
        period: '2026Q3',
        entries: [{ scope: 'pole', indicator: 'PTCE-MEMBRES', value: 3, comment }],
      },
    });
    expect(put.status).toBe(200);
    const { wb } = await downloadTemplate(t, 'henin-carvin', '2026Q3', cookies['coord@hc.test']!);
    const cell = findRow(wb.getWorksheet('Pôle')!, 'PTCE-MEMBRES').getCell(6);
    expect(cell.type).toBe(ExcelJS.ValueType.String);
    expect(cell.value).toBe(comment);
  });

  it('is open to every role of the pole, and answers 404 outside it', async () => {
    for (const email of ['coord@hc.test', 'cress@hdf.test', 'admin@test.test']) {
      const { res } = await downloadTemplate(t, 'henin-carvin', '2026Q2', cookies[email]!);
      expect(res.status).toBe(200);
    }
    const out = await call(t, 'GET', '/api/poles/henin-carvin/template.xlsx?period=2026Q3', {
      cookie: cookies['cress@occ.test'],
    });
    expect(out.status).toBe(404);
    expect(out.json).toEqual({ error: { code: 'NOT_FOUND', message: 'Introuvable.' } });
  });

  it('refuses a bad quarter with 400 and requires a login', async () => {
    const bad = await call(t, 'GET', '/api/poles/henin-carvin/template.xlsx?period=2026T3', {
      cookie: cookies['coord@hc.test'],
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe('VALIDATION_FAILED');
    const anon = await call(t, 'GET', '/api/poles/henin-carvin/template.xlsx?period=2026Q3');
    expect(anon.status).toBe(401);
  });
});
