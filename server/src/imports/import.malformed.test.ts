import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { login } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';
import { downloadTemplate, findRow, toBytes, upload } from './test-upload';

let t: TestInstance;
let coord: string;
const IMPORT = '/api/poles/henin-carvin/import?period=2026Q3&dryRun=false';
const PNG = Uint8Array.from([
  0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1,
  0, 0, 0, 1, 8, 6, 0, 0, 0, 0x1f, 0x15, 0xc4, 0x89,
]);

beforeAll(async () => {
  t = await createTestInstance();
  coord = await login(t, 'coord@hc.test');
});
afterAll(async () => {
  await t.close();
});

/** Nothing was ever written: every test here must leave the database as it found it. */
async function expectNothingWritten() {
  expect(await t.db.selectFrom('values').selectAll().execute()).toEqual([]);
  expect(await t.db.selectFrom('value_history').selectAll().execute()).toEqual([]);
}

describe('malformed imports get a clear error and change nothing', () => {
  it.each([
    ['a PNG sent as xlsx', PNG, undefined],
    ['a PNG sent as octet-stream', PNG, 'application/octet-stream'],
    ['random bytes', randomBytes(4096), 'application/octet-stream'],
    [
      'a broken zip',
      new TextEncoder().encode('PK\u0003\u0004 pas vraiment un classeur'),
      undefined,
    ],
    ['an empty body', new Uint8Array(0), 'text/csv'],
    ['CSV without a header', 'bonjour;tout;le;monde\n1;2;3;4\n', 'text/csv'],
  ])('answers 400 for %s', async (_name, body, type) => {
    const res = await upload(t, IMPORT, body, { cookie: coord, ...(type ? { type } : {}) });
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe('BAD_REQUEST');
    expect(res.json.error.message).toMatch(/fichier|classeur/i);
    await expectNothingWritten();
  });

  it('answers 415 for another content type', async () => {
    const res = await upload(t, IMPORT, PNG, { cookie: coord, type: 'image/png' });
    expect(res.status).toBe(415);
    expect(res.json.error).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: expect.stringMatching(/xlsx/),
    });
  });

  it('answers 422 listing every unknown code and text in a number cell, with row and column', async () => {
    const csv =
      'scope,indicator,slice,value\npole,PTCE-MEMBRES,,12\npole,XX-INCONNU,,1\npole,PTCE-MEMBRES-ENTREES,sex=femme,2\ninconnu,PTCE-MEMBRES,,3\npole,PTCE-EVENEMENTS,,douze\n';
    const res = await upload(t, IMPORT, csv, { cookie: coord, type: 'text/csv' });
    expect(res.status).toBe(422);
    expect(res.json.error.code).toBe('INVALID_ENTRIES');
    expect(res.json.error.message).toMatch(/rien n’a été enregistré/);
    const where = (i: {
      code: string;
      sheet: null;
      row: number;
      column: string;
      header: string;
    }) => [i.code, i.sheet, i.row, i.column, i.header];
    expect(res.json.error.issues.map(where)).toEqual([
      ['unknown_indicator', null, 3, 'B', 'indicator'],
      ['slice', null, 4, 'C', 'slice'],
      ['unknown_scope', null, 5, 'A', 'scope'],
      ['not_a_number', null, 6, 'D', 'value'],
    ]);
    expect(res.json.error.issues[3].message).toBe(
      '« douze » n’est pas un nombre (exemples : 1 234,5 ou 1234.5 ; « - » pour effacer).',
    );
    await expectNothingWritten();
  });

  it('refuses an unquoted decimal comma in a comma CSV, and a quarter that has not started', async () => {
    const csv = 'scope,indicator,value,comment\npole,PTCE-ETP-ANIMATION,1,5,\n';
    const res = await upload(t, IMPORT, csv, { cookie: coord, type: 'text/csv' });
    expect(res.status).toBe(422);
    expect(res.json.error.issues).toEqual([
      expect.objectContaining({ code: 'extra_columns', sheet: null, row: 2, column: 'E' }),
    ]);
    const future = await upload(
      t,
      IMPORT.replace('2026Q3', '2027Q1'),
      'scope,indicator,value\npole,PTCE-MEMBRES,3\n',
      { cookie: coord, type: 'text/csv' },
    );
    expect(future.status).toBe(422);
    expect(future.json.error.issues).toEqual([expect.objectContaining({ code: 'future' })]);
    await expectNothingWritten();
  });

  it('names the sheet, row and column of text in a template’s number cell', async () => {
    const { wb } = await downloadTemplate(t, 'henin-carvin', '2026Q3', coord);
    const row = findRow(wb.getWorksheet('Mobilité sociale')!, 'MS-SORTIES', 'sex=homme');
    row.getCell(5).value = 'env. 12';
    findRow(wb.getWorksheet('Pôle')!, 'PTCE-MEMBRES').getCell(5).value = 3.5;
    const res = await upload(t, IMPORT, await toBytes(wb), { cookie: coord });
    expect(res.status).toBe(422);
    expect(res.json.error.issues).toEqual([
      expect.objectContaining({
        code: 'not_a_number',
        sheet: 'Mobilité sociale',
        row: row.number,
        column: 'E',
        header: 'valeur',
      }),
      expect.objectContaining({
        code: 'integer',
        sheet: 'Pôle',
        column: 'E',
        indicator: 'PTCE-MEMBRES',
      }),
    ]);
    await expectNothingWritten();
  });

  it('asks to recalculate a formula saved without its computed value', async () => {
    const { wb } = await downloadTemplate(t, 'henin-carvin', '2026Q3', coord);
    const row = findRow(wb.getWorksheet('Pôle')!, 'PTCE-MEMBRES');
    row.getCell(5).value = { formula: 'E2*2' };
    const res = await upload(t, IMPORT, await toBytes(wb), { cookie: coord });
    expect(res.status).toBe(422);
    expect(res.json.error.issues).toEqual([
      {
        code: 'formula_without_result',
        message:
          'Formule sans valeur calculée : recalculez et enregistrez le fichier dans votre tableur.',
        sheet: 'Pôle',
        row: row.number,
        column: 'E',
        header: 'valeur',
      },
    ]);
    await expectNothingWritten();
  });

  it('answers 422 for a sheet that is no scope of the pole', async () => {
    const { wb } = await downloadTemplate(t, 'henin-carvin', '2026Q3', coord);
    wb.getWorksheet('Pôle')!.name = 'Brouillon';
    const res = await upload(t, IMPORT, await toBytes(wb), { cookie: coord });
    expect(res.status).toBe(422);
    expect(res.json.error.issues).toEqual([
      expect.objectContaining({ code: 'unknown_scope', sheet: 'Brouillon', row: 1, column: null }),
    ]);
  });

  it('answers 413 beyond 5 MB, with or without Content-Length, but accepts more than the 1 MB JSON limit', async () => {
    const big = new Uint8Array(5 * 1024 * 1024 + 1).fill(0x41);
    for (const headers of [{}, { 'content-length': String(big.length) }] as Record<
      string,
      string
    >[]) {
      const res = await upload(t, IMPORT, big, { cookie: coord, type: 'text/csv', headers });
      expect(res.status).toBe(413);
      expect(res.json.error).toMatchObject({
        code: 'PAYLOAD_TOO_LARGE',
        message: 'Fichier trop volumineux : 5 Mo au plus.',
      });
    }
    await expectNothingWritten();
    const note = 'x'.repeat(1_500_000);
    const csv = `scope,indicator,value,note\npole,PTCE-MEMBRES,3,${note}\n`;
    const ok = await upload(t, IMPORT.replace('dryRun=false', 'dryRun=true'), csv, {
      cookie: coord,
      type: 'text/csv',
    });
    expect(ok.status).toBe(200);
    expect(ok.json.changes).toHaveLength(1);
    await expectNothingWritten();
  });
});
