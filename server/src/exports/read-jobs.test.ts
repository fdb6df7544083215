import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createApp } from '../app';
import { login, ORIGIN } from '../test-support/client';
import { seedValues } from '../test-support/seed-values';
import { createTestInstance, type TestInstance } from '../test-support/test-instance';

let t: TestInstance;
let inline: ReturnType<typeof createApp>;
let cookie: string;
const TE = 'transition-ecologique';

beforeAll(async () => {
  t = await createTestInstance();
  // The same database and accounts, built on the request thread (as for an in-memory database).
  inline = createApp({ ...t.deps, dbFile: null });
  cookie = await login(t, 'admin@test.test');
  const q = ['2025Q1', '2025Q2', '2025Q3', '2025Q4'];
  await seedValues(t, 'henin-carvin', [
    ...q.map((p, i): [string, string, string, number] => [
      TE,
      'TE-DECHETS-COLLECTES',
      p,
      10.25 * (i + 1),
    ]),
    [TE, 'TE-DECHETS-COLLECTES', '2025Q1', 4.5, 'waste_stream=mobilier'],
    ...q.map((p, i): [string, string, string, number] => ['pole', 'PTCE-MEMBRES', p, 15 + i]),
  ]);
  await seedValues(t, 'autre-pole', [['pole', 'PTCE-MEMBRES', '2025Q4', 99]]);
  await t.db
    .insertInto('quarter_status')
    .values({
      pole_id: t.poleIds.get('henin-carvin')!,
      period: '2025Q2',
      status: 'validated',
      reason: null,
      updated_at: '2026-11-01T00:00:00.000Z',
      updated_by: null,
    })
    .execute();
});
afterAll(async () => {
  await t.close();
});

async function both(path: string): Promise<[Uint8Array, Uint8Array]> {
  const init = { headers: { cookie } };
  const pool = t.deps.workers.reads;
  const jobs = [vi.spyOn(pool, 'stream'), vi.spyOn(pool, 'run')];
  const [worker, here] = await Promise.all([
    t.app.request(`${ORIGIN}${path}`, init),
    inline.request(`${ORIGIN}${path}`, init),
  ]);
  // The file-backed app asked the reads pool, once; the other built it here.
  expect(jobs.reduce((n, spy) => n + spy.mock.calls.length, 0)).toBe(1);
  for (const spy of jobs) spy.mockRestore();
  expect([worker.status, here.status]).toEqual([200, 200]);
  expect(worker.headers.get('content-type')).toBe(here.headers.get('content-type'));
  expect(worker.headers.get('content-disposition')).toBe(here.headers.get('content-disposition'));
  return [new Uint8Array(await worker.arrayBuffer()), new Uint8Array(await here.arrayBuffer())];
}

/** Every sheet of a workbook: its name, views, and each cell's value and number format. */
async function sheetsOf(bytes: Uint8Array) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  return wb.worksheets.map((s) => {
    const cells: unknown[] = [];
    s.eachRow((row) => {
      row.eachCell({ includeEmpty: true }, (c) => {
        cells.push([c.address, c.value, c.numFmt ?? null]);
      });
    });
    return { name: s.name, views: s.views, cells };
  });
}

describe('exports built in the reads worker', () => {
  const query = 'from=2025Q1&to=2025Q4';
  for (const format of ['csv', 'csv-fr', 'json'])
    for (const level of ['scope', 'pole', 'region'])
      it(`${format} at ${level} level: the same bytes as built inline`, async () => {
        const [worker, here] = await both(
          `/api/exports/values?${query}&format=${format}&level=${level}`,
        );
        expect(worker.byteLength).toBeGreaterThan(200);
        expect(Buffer.from(worker).equals(Buffer.from(here))).toBe(true);
      });

  for (const format of ['csv-fr', 'json', 'xlsx'])
    it(`${format} with labels and a status filter: the same bytes as built inline`, async () => {
      const [worker, here] = await both(
        `/api/exports/values?${query}&format=${format}&level=pole&labels=fr&status=validated`,
      );
      expect(worker.byteLength).toBeGreaterThan(200);
      if (format === 'xlsx') expect(await sheetsOf(worker)).toEqual(await sheetsOf(here));
      else expect(Buffer.from(worker).equals(Buffer.from(here))).toBe(true);
      if (format === 'csv-fr') {
        const text = Buffer.from(worker).toString();
        expect(text).toContain(';T2 2025;');
        expect(text).not.toMatch(/Brouillon|T1 2025/);
      }
    });

  it('xlsx at every level: the same sheets, cells and formats as built inline', async () => {
    for (const level of ['scope', 'pole', 'region']) {
      const [worker, here] = await both(`/api/exports/values?${query}&format=xlsx&level=${level}`);
      const sheets = await sheetsOf(worker);
      expect(sheets.map((s) => s.name)).toHaveLength(3);
      expect(sheets[0]!.cells.length).toBeGreaterThan(50);
      expect(sheets).toEqual(await sheetsOf(here));
    }
  });

  it('the manifest and a long history: the same answers as built inline', async () => {
    for (const path of [
      `/api/exports/manifest?${query}&format=json&level=region`,
      `/api/exports/manifest?${query}&level=region&labels=en&status=draft`,
      '/api/poles/henin-carvin/history?limit=5000',
    ]) {
      const [worker, here] = await both(path);
      expect(Buffer.from(worker).toString()).toBe(Buffer.from(here).toString());
    }
  });
});
