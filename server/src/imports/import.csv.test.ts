import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, login } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';
import { upload } from './test-upload';

let t: TestInstance;
let coord: string;
const IMPORT = '/api/poles/henin-carvin/import?period=2026Q3&dryRun=false';

beforeEach(async () => {
  t = await createTestInstance();
  coord = await login(t, 'coord@hc.test');
});
afterEach(async () => {
  await t.close();
});

const stored = () =>
  t.db
    .selectFrom('values')
    .innerJoin('working_groups as g', 'g.id', 'values.group_id')
    .select(['g.slug as scope', 'indicator_code', 'slice', 'value', 'comment'])
    .orderBy('values.id')
    .execute();

describe('CSV imports', () => {
  it('reads RFC 4180 CSV with "." decimals and English grouping', async () => {
    const csv = [
      'scope,indicator,slice,value,comment',
      'transition-ecologique,TE-DECHETS-COLLECTES,,1234.5,"Pesée, déchetterie"',
      'mobilite-sociale,MS-SORTIES,,10,',
      'mobilite-sociale,MS-SORTIES,sex=femme,6,',
      'mobilite-sociale,MS-SORTIES,sex=homme,4,',
      'pole,PTCE-CA-GENERE,,"1,234.56",',
    ].join('\r\n');
    const res = await upload(t, IMPORT, csv, {
      cookie: coord,
      type: 'text/csv',
      headers: { 'x-filename': 'saisie.csv' },
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({
      format: 'csv',
      fileName: 'saisie.csv',
      rows: 5,
      unchanged: 0,
    });
    expect(await stored()).toEqual([
      {
        scope: 'transition-ecologique',
        indicator_code: 'TE-DECHETS-COLLECTES',
        slice: '',
        value: 1234.5,
        comment: 'Pesée, déchetterie',
      },
      {
        scope: 'mobilite-sociale',
        indicator_code: 'MS-SORTIES',
        slice: '',
        value: 10,
        comment: null,
      },
      {
        scope: 'mobilite-sociale',
        indicator_code: 'MS-SORTIES',
        slice: 'sex=femme',
        value: 6,
        comment: null,
      },
      {
        scope: 'mobilite-sociale',
        indicator_code: 'MS-SORTIES',
        slice: 'sex=homme',
        value: 4,
        comment: null,
      },
      { scope: 'pole', indicator_code: 'PTCE-CA-GENERE', slice: '', value: 1234.56, comment: null },
    ]);
    const hist = await t.db.selectFrom('value_history').select('reason').execute();
    expect(new Set(hist.map((h) => h.reason))).toEqual(new Set(['import saisie.csv']));
  });

  it('reads csv-fr: BOM, ";", decimal comma, French headers and scope names, CRLF', async () => {
    const csv = `\ufeffPérimètre;Indicateur;Ventilation;Valeur;Commentaire\r\nTransition écologique;TE-DECHETS-COLLECTES;;1 234,5;Pesée\r\nPôle;PTCE-CA-GENERE;;12\u202f345,67;\r\n`;
    const res = await upload(t, `${IMPORT}&filename=${encodeURIComponent('données T3.csv')}`, csv, {
      cookie: coord,
      type: 'text/csv; charset=utf-8',
    });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ format: 'csv-fr', fileName: 'données T3.csv' });
    expect((await stored()).map((v) => [v.indicator_code, v.value, v.comment])).toEqual([
      ['TE-DECHETS-COLLECTES', 1234.5, 'Pesée'],
      ['PTCE-CA-GENERE', 12345.67, null],
    ]);
  });

  it('reads a Windows-1252 csv-fr (French Excel’s CSV), an empty cell keeps and "-" clears', async () => {
    const first =
      'périmètre;indicateur;ventilation;valeur;commentaire\r\npole;PTCE-ETP-ANIMATION;;2,5;équipe complète\r\npole;PTCE-MEMBRES;;40;\r\n';
    expect(
      (await upload(t, IMPORT, Buffer.from(first, 'latin1'), { cookie: coord, type: 'text/csv' }))
        .status,
    ).toBe(200);
    const second =
      'périmètre;indicateur;ventilation;valeur;commentaire\r\npole;PTCE-ETP-ANIMATION;;;mi-temps en août\r\npole;PTCE-MEMBRES;;-;\r\n';
    const res = await upload(t, IMPORT, Buffer.from(second, 'latin1'), {
      cookie: coord,
      type: 'text/csv',
    });
    expect(res.status).toBe(200);
    expect(res.json.changes).toEqual([
      expect.objectContaining({
        indicator: 'PTCE-ETP-ANIMATION',
        old: 2.5,
        new: 2.5,
        oldComment: 'équipe complète',
        newComment: 'mi-temps en août',
      }),
      expect.objectContaining({ indicator: 'PTCE-MEMBRES', old: 40, new: null }),
    ]);
    expect((await stored()).map((v) => [v.indicator_code, v.value])).toEqual([
      ['PTCE-ETP-ANIMATION', 2.5],
      ['PTCE-MEMBRES', null],
    ]);
  });

  it('reports rule errors in a dry run, refuses them with 422 in a real run', async () => {
    const csv =
      'scope;indicator;value\nmobilite-sociale;MS-SORTIES;5\nmobilite-sociale;MS-SORTIES-EMPLOI-DURABLE;4\nmobilite-sociale;MS-SORTIES-EMPLOI-TRANSITION;3\n';
    const dry = await upload(t, IMPORT.replace('dryRun=false', 'dryRun=true'), csv, {
      cookie: coord,
      type: 'text/csv',
    });
    expect(dry.status).toBe(200);
    expect(dry.json.changes).toHaveLength(3);
    expect(dry.json.rules.errors).toEqual([
      expect.objectContaining({
        rule: 'E1',
        severity: 'error',
        locations: expect.arrayContaining([{ sheet: null, row: 2 }]),
      }),
    ]);
    const run = await upload(t, IMPORT, csv, { cookie: coord, type: 'text/csv' });
    expect(run.status).toBe(422);
    expect(run.json.error.code).toBe('RULE_VIOLATION');
    expect(run.json.error.issues[0]).toMatchObject({ rule: 'E1', locations: expect.any(Array) });
    expect(await stored()).toEqual([]);
  });

  it('lets only a coordinator of the pole import: 403 for the board, 404 for another pole', async () => {
    const csv = 'scope,indicator,value\npole,PTCE-MEMBRES,3\n';
    const board = await upload(t, IMPORT, csv, {
      cookie: await login(t, 'board@hc.test'),
      type: 'text/csv',
    });
    expect(board.status).toBe(403);
    expect(board.json.error.code).toBe('FORBIDDEN');
    const other = await upload(t, IMPORT.replace('henin-carvin', 'autre-pole'), csv, {
      cookie: coord,
      type: 'text/csv',
    });
    const missing = await upload(t, IMPORT.replace('henin-carvin', 'nexiste-pas'), csv, {
      cookie: coord,
      type: 'text/csv',
    });
    expect(other.status).toBe(404);
    expect(other.json).toEqual(missing.json);
    expect((await upload(t, IMPORT, csv, { type: 'text/csv' })).status).toBe(401);
    expect(await stored()).toEqual([]);
    const read = await call(t, 'GET', '/api/poles/henin-carvin/values', { cookie: coord });
    expect(read.json.values).toEqual([]);
  });
});
