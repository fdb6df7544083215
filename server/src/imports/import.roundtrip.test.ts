import { ImportResultSchema } from '@ptce/shared/imports.schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { call, login } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';
import { downloadTemplate, findRow, toBytes, upload } from './test-upload';

let t: TestInstance;
let coord: string;
const IMPORT = '/api/poles/henin-carvin/import?period=2026Q3';

beforeEach(async () => {
  t = await createTestInstance();
  coord = await login(t, 'coord@hc.test');
  const res = await call(t, 'PUT', '/api/poles/henin-carvin/values', {
    cookie: coord,
    body: {
      period: '2026Q3',
      entries: [
        { scope: 'mobilite-sociale', indicator: 'MS-SORTIES', value: 10, comment: 'Relevé ASP' },
        { scope: 'mobilite-sociale', indicator: 'MS-SORTIES', slice: 'sex=femme', value: 6 },
        { scope: 'mobilite-sociale', indicator: 'MS-SORTIES', slice: 'sex=homme', value: 4 },
        { scope: 'transition-ecologique', indicator: 'TE-DECHETS-COLLECTES', value: 12.5 },
      ],
    },
  });
  expect(res.status).toBe(200);
});
afterEach(async () => {
  await t.close();
});

const values = () =>
  t.db
    .selectFrom('values')
    .select(['indicator_code', 'slice', 'value', 'comment', 'version'])
    .orderBy('id')
    .execute();
const history = () => t.db.selectFrom('value_history').selectAll().orderBy('id').execute();

/** The template with three cells edited: a French text number, a new number, a comment. */
async function editedTemplate() {
  const { wb } = await downloadTemplate(t, 'henin-carvin', '2026Q3', coord);
  const te = wb.getWorksheet('Transition écologique')!;
  findRow(te, 'TE-DECHETS-COLLECTES').getCell(5).value = '13,7';
  findRow(te, 'TE-ENERGIE-ECONOMISEE').getCell(5).value = 3.5;
  findRow(wb.getWorksheet('Mobilité sociale')!, 'MS-SORTIES').getCell(6).value =
    'Relevé ASP corrigé';
  return { wb, rows: { collected: findRow(te, 'TE-DECHETS-COLLECTES').number } };
}

describe('the template round-trip', () => {
  it('dry run lists exactly the three edits, the real run applies them, a second run changes nothing', async () => {
    const { wb, rows } = await editedTemplate();
    const file = await toBytes(wb);
    const before = { values: await values(), history: (await history()).length };

    const dry = await upload(t, `${IMPORT}&dryRun=true`, file, { cookie: coord });
    expect(dry.status).toBe(200);
    expect(dry.json).toMatchObject({
      pole: 'henin-carvin',
      period: '2026Q3',
      format: 'xlsx',
      dryRun: true,
    });
    expect(dry.json.changes).toEqual([
      {
        sheet: 'Transition écologique',
        row: rows.collected,
        scope: 'transition-ecologique',
        indicator: 'TE-DECHETS-COLLECTES',
        slice: '',
        label: 'Tonnes collectées en vue du réemploi',
        old: 12.5,
        new: 13.7,
        oldComment: null,
        newComment: null,
        version: 2,
      },
      expect.objectContaining({
        indicator: 'TE-ENERGIE-ECONOMISEE',
        old: null,
        new: 3.5,
        version: 1,
      }),
      expect.objectContaining({
        sheet: 'Mobilité sociale',
        indicator: 'MS-SORTIES',
        slice: '',
        old: 10,
        new: 10,
        oldComment: 'Relevé ASP',
        newComment: 'Relevé ASP corrigé',
      }),
    ]);
    expect(ImportResultSchema.safeParse(dry.json).success).toBe(true);
    expect(dry.json.unchanged).toBe(dry.json.rows - 3);
    expect(dry.json.rules).toEqual({ errors: [], warnings: expect.any(Array), overridden: [] });
    expect(await values()).toEqual(before.values);
    expect(await history()).toHaveLength(before.history);

    const run = await upload(t, `${IMPORT}&dryRun=false`, file, {
      cookie: coord,
      headers: { 'x-filename': encodeURIComponent('modèle T3.xlsx') },
    });
    expect(run.status).toBe(200);
    expect(run.json.dryRun).toBe(false);
    expect(run.json.changes).toEqual(dry.json.changes);
    expect(await values()).toEqual([
      {
        indicator_code: 'MS-SORTIES',
        slice: '',
        value: 10,
        comment: 'Relevé ASP corrigé',
        version: 2,
      },
      { indicator_code: 'MS-SORTIES', slice: 'sex=femme', value: 6, comment: null, version: 1 },
      { indicator_code: 'MS-SORTIES', slice: 'sex=homme', value: 4, comment: null, version: 1 },
      { indicator_code: 'TE-DECHETS-COLLECTES', slice: '', value: 13.7, comment: null, version: 2 },
      { indicator_code: 'TE-ENERGIE-ECONOMISEE', slice: '', value: 3.5, comment: null, version: 1 },
    ]);
    const added = (await history()).slice(before.history);
    expect(added.map((h) => [h.indicator_code, h.old_value, h.new_value, h.reason])).toEqual([
      ['TE-DECHETS-COLLECTES', 12.5, 13.7, 'import modèle T3.xlsx'],
      ['TE-ENERGIE-ECONOMISEE', null, 3.5, 'import modèle T3.xlsx'],
      ['MS-SORTIES', 10, 10, 'import modèle T3.xlsx'],
    ]);
    expect(added[2]).toMatchObject({
      old_comment: 'Relevé ASP',
      new_comment: 'Relevé ASP corrigé',
    });

    const again = await upload(t, `${IMPORT}&dryRun=false`, file, { cookie: coord });
    expect(again.status).toBe(200);
    expect(again.json.changes).toEqual([]);
    expect(again.json.unchanged).toBe(again.json.rows);
    expect(await history()).toHaveLength(before.history + 3);
  });

  it('answers 409 when a changed cell was saved by someone else since the download', async () => {
    const { wb, rows } = await editedTemplate();
    const put = await call(t, 'PUT', '/api/poles/henin-carvin/values', {
      cookie: coord,
      body: {
        period: '2026Q3',
        entries: [
          {
            scope: 'transition-ecologique',
            indicator: 'TE-DECHETS-COLLECTES',
            value: 20,
            version: 1,
          },
        ],
      },
    });
    expect(put.status).toBe(200);
    const before = (await history()).length;
    const res = await upload(t, `${IMPORT}&dryRun=false`, await toBytes(wb), { cookie: coord });
    expect(res.status).toBe(409);
    expect(res.json.error.code).toBe('CONFLICT');
    expect(res.json.error.issues).toEqual([
      expect.objectContaining({
        code: 'stale_version',
        sheet: 'Transition écologique',
        row: rows.collected,
        column: 'H',
        indicator: 'TE-DECHETS-COLLECTES',
        yourVersion: 1,
        current: expect.objectContaining({ value: 20, version: 2 }),
      }),
    ]);
    expect(await history()).toHaveLength(before);
  });

  it('clears a value with "-", leaves empty cells alone, and answers 423 on a locked quarter', async () => {
    const { wb } = await downloadTemplate(t, 'henin-carvin', '2026Q3', coord);
    const ms = wb.getWorksheet('Mobilité sociale')!;
    for (const slice of ['', 'sex=femme', 'sex=homme'])
      findRow(ms, 'MS-SORTIES', slice).getCell(5).value = '-';
    findRow(wb.getWorksheet('Transition écologique')!, 'TE-DECHETS-COLLECTES').getCell(5).value =
      null;
    const file = await toBytes(wb);
    const res = await upload(t, `${IMPORT}&dryRun=false`, file, { cookie: coord });
    expect(res.status).toBe(200);
    expect(res.json.changes.map((c: { slice: string; new: null }) => [c.slice, c.new])).toEqual([
      ['', null],
      ['sex=femme', null],
      ['sex=homme', null],
    ]);
    const left = (await values()).filter((v) => v.value !== null);
    expect(left).toEqual([
      expect.objectContaining({ indicator_code: 'TE-DECHETS-COLLECTES', value: 12.5 }),
    ]);

    await t.db
      .insertInto('quarter_status')
      .values({
        pole_id: t.poleIds.get('henin-carvin')!,
        period: '2026Q3',
        status: 'submitted',
        reason: null,
        updated_at: '2026-10-01T00:00:00Z',
        updated_by: null,
      })
      .execute();
    const locked = await upload(t, `${IMPORT}&dryRun=true`, file, { cookie: coord });
    expect(locked.status).toBe(423);
    expect(locked.json.error.code).toBe('LOCKED');
  });

  it('refuses a template of another quarter', async () => {
    const { bytes } = await downloadTemplate(t, 'henin-carvin', '2026Q2', coord);
    const res = await upload(t, `${IMPORT}&dryRun=true`, bytes, { cookie: coord });
    expect(res.status).toBe(422);
    expect(res.json.error.issues).toEqual([
      expect.objectContaining({ code: 'wrong_period', sheet: 'Lisez-moi', column: 'B' }),
    ]);
    expect(res.json.error.issues[0].message).toContain('T2 2026');
  });
});
