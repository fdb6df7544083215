import { describe, expect, it } from 'vitest';
import { ApiError } from '../http/api-error';
import { MAX_CSV_FIELDS, parseCsv } from './parse-csv';
import { MAX_ROWS } from './parsed-file';

const HEADER = 'scope,indicator,value,comment\n';

/** The code and French message `text` is refused with, and how long that took (ms). */
async function refusal(text: string) {
  const t0 = performance.now();
  try {
    await parseCsv(text, ',', 'csv');
  } catch (err) {
    if (!(err instanceof ApiError)) throw err;
    return {
      code: err.code,
      message: err.toEnvelope('fr').error.message,
      ms: performance.now() - t0,
    };
  }
  throw new Error('the file was accepted');
}

describe('parseCsv limits, checked while parsing', async () => {
  it('reads MAX_ROWS rows, blank lines counted, and refuses one more', async () => {
    const rows = 'pole,PTCE-MEMBRES,1,\n'.repeat(MAX_ROWS - 1);
    const file = await parseCsv(`\n${HEADER}${rows}\n`, ',', 'csv');
    expect(file.tables[0]!.headerRow).toBe(2);
    expect(file.tables[0]!.rows).toHaveLength(MAX_ROWS - 1);
    expect(file.tables[0]!.rows.at(-1)!.row).toBe(MAX_ROWS + 1);
    expect(await refusal(`${HEADER}${rows}\npole,PTCE-MEMBRES,1,\n`)).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringMatching(/^Le fichier compte plus de 20\s000 lignes : découpez-le.$/),
    });
  });

  it('stops 800 000 tiny lines at the row limit, fast', async () => {
    const err = await refusal(`${HEADER}${'a\n'.repeat(800_000)}`);
    expect(err.code).toBe('PAYLOAD_TOO_LARGE');
    expect(err.ms).toBeLessThan(2_000);
  });

  it('stops a record of a million fields at MAX_CSV_FIELDS, header or not', async () => {
    const wide = ','.repeat(1_000_000);
    for (const text of [`${HEADER}pole${wide}\n`, `scope,indicator,value${wide}\n`]) {
      const err = await refusal(text);
      expect(err.code).toBe('PAYLOAD_TOO_LARGE');
      expect(err.message).toMatch(new RegExp(`plus de ${MAX_CSV_FIELDS} colonnes`));
      expect(err.ms).toBeLessThan(2_000);
    }
    const last = await parseCsv(`${HEADER}pole,X,1${','.repeat(MAX_CSV_FIELDS - 3)}\n`, ',', 'csv');
    expect(last.tables[0]!.rows[0]!.overflow).toBe('E');
  });

  it('stops a huge quoted field at the record size, and an unclosed quote is malformed', async () => {
    const huge = await refusal(`${HEADER}pole,X,1,"${'x'.repeat(4_800_000)}"\n`);
    expect(huge).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringMatching(/ligne 2 .*guillemets/),
    });
    expect(huge.ms).toBeLessThan(2_000);
    const lines = `pole,X,1,"${'ab\n'.repeat(100_000)}`;
    expect(await refusal(`${HEADER}${lines}`)).toMatchObject({ code: 'BAD_REQUEST' });
  });
});
