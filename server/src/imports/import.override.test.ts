import { ImportResultSchema } from '@ptce/shared/imports.schema';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { login } from '../test-support/client';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';
import { downloadTemplate, findRow, toBytes, upload } from './test-upload';

let t: TestInstance;
let coord: string;
const IMPORT = '/api/poles/henin-carvin/import?period=2026Q3';
const REASON = 'Sorties positives comptées sur deux trimestres (convention ASP)';
const MOTIF = 7;

beforeEach(async () => {
  t = await createTestInstance();
  coord = await login(t, 'coord@hc.test');
});
afterEach(async () => {
  await t.close();
});

const history = () =>
  t.db
    .selectFrom('value_history')
    .select(['indicator_code', 'slice', 'new_value', 'reason'])
    .orderBy('id')
    .execute();

/** The template with E1 broken on the Mobilité sociale totals: 7 positive exits of 5 exits. */
async function e1Template() {
  const { wb } = await downloadTemplate(t, 'henin-carvin', '2026Q3', coord);
  const ms = wb.getWorksheet('Mobilité sociale')!;
  const exits = findRow(ms, 'MS-SORTIES');
  const positive = findRow(ms, 'MS-SORTIES-POSITIVES');
  exits.getCell(5).value = 5;
  positive.getCell(5).value = 7;
  const at = [exits.number, positive.number].map((row) => ({ sheet: 'Mobilité sociale', row }));
  return { wb, exits, positive, at };
}

describe('overriding a rule error with a "motif de dérogation"', () => {
  it('lists E1 as blocking, then as overridden once both rows carry a reason, and applies it', async () => {
    const { wb, exits, positive, at } = await e1Template();
    const e1 = expect.objectContaining({ rule: 'E1', severity: 'error', slice: '', locations: at });

    const blocked = await upload(t, `${IMPORT}&dryRun=true`, await toBytes(wb), { cookie: coord });
    expect(blocked.status).toBe(200);
    expect(blocked.json.rules.errors).toEqual([e1]);
    expect(blocked.json.rules.overridden).toEqual([]);
    const refused = await upload(t, `${IMPORT}&dryRun=false`, await toBytes(wb), {
      cookie: coord,
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error.code).toBe('RULE_VIOLATION');

    // a reason on one row only is not enough: every changed cell of the error must carry one
    exits.getCell(MOTIF).value = REASON;
    const half = await upload(t, `${IMPORT}&dryRun=true`, await toBytes(wb), { cookie: coord });
    expect(half.json.rules.errors).toEqual([e1]);

    positive.getCell(MOTIF).value = `  ${REASON}  `;
    const file = await toBytes(wb);
    const dry = await upload(t, `${IMPORT}&dryRun=true`, file, { cookie: coord });
    expect(dry.status).toBe(200);
    expect(ImportResultSchema.safeParse(dry.json).success).toBe(true);
    expect(dry.json.rules.errors).toEqual([]);
    expect(dry.json.rules.overridden).toEqual([e1]);
    expect(await history()).toEqual([]);

    const run = await upload(t, `${IMPORT}&dryRun=false`, file, { cookie: coord });
    expect(run.status).toBe(200);
    expect(run.json.rules.overridden).toEqual([e1]);
    expect(await history()).toEqual([
      { indicator_code: 'MS-SORTIES', slice: '', new_value: 5, reason: REASON },
      { indicator_code: 'MS-SORTIES-POSITIVES', slice: '', new_value: 7, reason: REASON },
    ]);
    const stored = await t.db
      .selectFrom('values')
      .select(['indicator_code', 'override_reason'])
      .orderBy('id')
      .execute();
    expect(stored).toEqual([
      { indicator_code: 'MS-SORTIES', override_reason: REASON },
      { indicator_code: 'MS-SORTIES-POSITIVES', override_reason: REASON },
    ]);
  });

  it('reads the reason column of a csv-fr file; refuses a reason on a row that changes nothing, needs one on a comment edit', async () => {
    const csv = [
      'périmètre;indicateur;ventilation;valeur;Motif',
      `mobilite-sociale;MS-SORTIES;;5;${REASON}`,
      `mobilite-sociale;MS-SORTIES-POSITIVES;;7;${REASON}`,
    ].join('\n');
    const run = await upload(t, `${IMPORT}&dryRun=false`, csv, {
      cookie: coord,
      type: 'text/csv',
    });
    expect(run.status).toBe(200);
    expect(run.json.format).toBe('csv-fr');
    expect(run.json.rules.overridden).toEqual([expect.objectContaining({ rule: 'E1' })]);

    // the same file again: the values are stored now, so the reasons justify nothing
    const again = await upload(t, `${IMPORT}&dryRun=true`, csv, {
      cookie: coord,
      type: 'text/csv',
    });
    expect(again.status).toBe(422);
    expect(again.json.error.code).toBe('INVALID_ENTRIES');
    expect(again.json.error.issues).toEqual([
      expect.objectContaining({ code: 'reason_without_change', row: 2, column: 'E' }),
      expect.objectContaining({ code: 'reason_without_change', row: 3, column: 'E' }),
    ]);
    const short = `${csv}\nmobilite-sociale;MS-SORTIES-EMPLOI-DURABLE;;1;ok\n`;
    const res = await upload(t, `${IMPORT}&dryRun=true`, short, {
      cookie: coord,
      type: 'text/csv',
    });
    expect(res.status).toBe(422);
    expect(res.json.error.issues).toEqual([
      expect.objectContaining({ code: 'reason_too_short', row: 4, column: 'E', header: 'Motif' }),
    ]);
    expect(await history()).toHaveLength(2);

    // a comment-only edit of a cell of the overridden E1 is judged again: it needs a reason too
    const comment = `périmètre;indicateur;valeur;commentaire;motif\nmobilite-sociale;MS-SORTIES;;Relevé ASP;`;
    const blocked = await upload(t, `${IMPORT}&dryRun=true`, comment, {
      cookie: coord,
      type: 'text/csv',
    });
    expect(blocked.json.rules.errors).toEqual([expect.objectContaining({ rule: 'E1' })]);
    const justified = await upload(t, `${IMPORT}&dryRun=true`, `${comment}${REASON}`, {
      cookie: coord,
      type: 'text/csv',
    });
    expect(justified.json.rules).toMatchObject({ errors: [], overridden: [{ rule: 'E1' }] });
  });

  it.each([['motif de dérogation'], ['override_reason'], ['Override reason'], ['raison']])(
    'accepts the header "%s"',
    async (header) => {
      const csv = `scope,indicator,value,${header}\nmobilite-sociale,MS-SORTIES,5,${REASON}\nmobilite-sociale,MS-SORTIES-POSITIVES,7,${REASON}\n`;
      const res = await upload(t, `${IMPORT}&dryRun=true`, csv, {
        cookie: coord,
        type: 'text/csv',
      });
      expect(res.status).toBe(200);
      expect(res.json.rules.errors).toEqual([]);
      expect(res.json.rules.overridden).toEqual([expect.objectContaining({ rule: 'E1' })]);
    },
  );
});
