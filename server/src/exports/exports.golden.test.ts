import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { readEnv } from '../env';
import { type Instance, openInstance } from '../instance';
import { ORIGIN } from '../test-support/client';

/**
 * The export for scripts (no `labels`, no `status`) must not change: these digests are of the
 * demo's exports as written before `labels` and `status` existed (commit 539d241), whole
 * bytes for csv and csv-fr, the row lines for json (its manifest line gains fields), the data
 * sheet's cells and number formats for xlsx. They
 * change only when the demo data or the aggregation change on purpose.
 */
const GOLDEN: Record<string, string> = {
  'csv scope quarter': '5a3e6517830137bab824583ac910e7d02ba6b3c0563ff2ab2493be590b1062be',
  'csv scope year': 'e9809fe0d1dc3dd694ecd60cc22e954f8bbc91bc561def10ff8f726546030863',
  'csv pole quarter': '0e8048813387ac4253d5cdef8d243f672b3bd54b7bf4da4ce7b6eb7ccd986332',
  'csv pole year': '620f836ab35f08d42e27b405954b796d8b02ebc429c85dc260e8316654676a27',
  'csv region quarter': '8c236315ed960638336d5dd504933feeed8d98db1ee9df6055ea838096a19b64',
  'csv region year': '0bb4d2a551c3679505b63345d1870772b86d30671cfd3402f96518657530756a',
  'csv-fr scope quarter': 'f531103be4cef736bd664978f8b2340271df25e5b1fb204a5faa11fd10a214d0',
  'csv-fr scope year': 'a624ef9a3b26b2136728b8c21742b87b0b400c5d892f9664961b9290da74c4ea',
  'csv-fr pole quarter': 'ae7bc46ee637f63d230855ed8a510d9b0da37e64087bd1e11dccb85311dde55f',
  'csv-fr pole year': '6dc5afc1050c0ae56083b8562bec1c7e96b357a5cb421ad0b41b12789f7f92e7',
  'csv-fr region quarter': '8607aaafdbd7729a5edef8efb465e36d6faa733060f0905a0a3d11d47618d11e',
  'csv-fr region year': 'd7bf1c818dea9983e2bdd7806bee8fd9eb9f8464dfd82f8db4d003756574f4f1',
  'json scope quarter': '0eaebb37688f82303796953b2f9bada8d746427146704a6f1c46159ceb9c0630',
  'json scope year': '730281d61dd919e9c6ceea318667fc0540db5193d30efe5a316cb2d8aa2fd2ac',
  'json pole quarter': 'e19b2966d48c484a48afc5b95424a211135efedd96a7b444bec64756e1ba6c3a',
  'json pole year': 'e7cebf65d307e20190cd5856213e4dbefbc6fab135629a1c7639824c44dc009b',
  'json region quarter': 'cf7e8e4c3e014b9b6150f2a57c6e01daf17798a38405c7f6ff5c22723a06c38c',
  'json region year': '53db386a6b36ed6efc003fff8f753eddf68b99945f715d8badc99bb4c5227fc5',
  'xlsx scope quarter': 'd2645e5e1cac6a2a3df5e481ba082c540c1d52fea5a4ac614f5a2d0bbebad3cd',
  'xlsx pole quarter': '3ba6066c5291904db721e94651bf1caed326b67524beeac775d982b13a2c4d54',
  'xlsx region quarter': '6afd20ef7a5a45244c968ad24ec9bff507d28bb21fe03d6ad642c9ff823d05ba',
};

let dir: string;
let instance: Instance;
let app: ReturnType<typeof createApp>;
let cookie: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-golden-'));
  const env = readEnv({ PTCE_DB: path.join(dir, 'demo.sqlite'), PTCE_DEMO: '1' });
  instance = await openInstance(env, () => new Date('2026-11-29T10:00:00Z'));
  app = createApp(instance.deps);
  const admin = instance.demoAccounts.find((a) => a.roles.startsWith('admin'))!;
  const res = await app.request(`${ORIGIN}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: ORIGIN },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  expect(res.status).toBe(200);
  cookie = res.headers.get('set-cookie')!.split(';')[0]!;
}, 60_000);
afterAll(async () => {
  await instance.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sha = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

describe('the export without labels is unchanged (scripts)', () => {
  for (const format of ['csv', 'csv-fr', 'json'])
    for (const level of ['scope', 'pole', 'region'])
      for (const by of ['quarter', 'year'])
        it(`${format}, ${level}, by ${by}: the same bytes as before`, async () => {
          const res = await app.request(
            `${ORIGIN}/api/exports/values?format=${format}&level=${level}&by=${by}&from=2024Q1&to=2026Q4`,
            { headers: { cookie } },
          );
          expect(res.status).toBe(200);
          const bytes = new Uint8Array(await res.arrayBuffer());
          const key = `${format} ${level} ${by}`;
          const digest =
            format === 'json'
              ? sha(Buffer.from(bytes).toString('utf8').split('\n').slice(1).join('\n'))
              : sha(bytes);
          expect(bytes.byteLength).toBeGreaterThan(1000);
          expect({ key, digest }).toEqual({ key, digest: GOLDEN[key] });
        });

  it('xlsx, every level: the data sheet holds the same cells and formats as before', async () => {
    const digests: Record<string, string> = {};
    const expected: Record<string, string | undefined> = {};
    for (const level of ['scope', 'pole', 'region']) {
      const res = await app.request(
        `${ORIGIN}/api/exports/values?format=xlsx&level=${level}&by=quarter&from=2024Q1&to=2026Q4`,
        { headers: { cookie } },
      );
      expect(res.status).toBe(200);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(await res.arrayBuffer());
      const cells: unknown[] = [];
      wb.worksheets[0]!.eachRow((row) =>
        row.eachCell({ includeEmpty: true }, (c) => cells.push([c.address, c.value, c.numFmt])),
      );
      const key = `xlsx ${level} quarter`;
      expect(cells.length).toBeGreaterThan(100);
      digests[key] = sha(JSON.stringify(cells));
      expected[key] = GOLDEN[key];
    }
    expect(digests).toEqual(expected);
  });
});
