import fs from 'node:fs';
import http from 'node:http';
import { readTestZip, type TestZipEntry, testZip } from '@ptce/server/imports/test-zip';
import { currentQuarter } from '@ptce/shared/periods';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTables, withoutSharedState } from '../support/database-file';
import { login } from '../support/http-client';
import {
  type RunningServer,
  removeTestDatabase,
  startServer,
  tempDbFile,
} from '../support/start-server';

// Attacks on the import (issue 10, point 1 and the import's media types of point 5), against the
// built server as `npm start` runs it (128 MB of heap): every hostile file is built here. Each
// must be refused with its status and the error envelope, quickly, while the server stays up,
// its database unchanged and no "heap out of memory" in its output.

const POLE = 'henin-carvin';
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const MB = 1024 * 1024;
const SHEET_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const CSV_HEADER = 'scope,indicator,value,comment\n';
/** A second coordinator of the pole, created by the admin: another owner in the imports queue. */
const SECOND = { email: 'coordination2@henin-carvin.demo', password: 'une-seconde-coordination' };

let server: RunningServer;
let coordinator: string;
let second: string;
let importPath: string;
let template: Uint8Array;
let fingerprint: string;
/** What each attack cost: for the report (printed at the end). */
const measures: Array<{
  attack: string;
  bytes: number;
  status: number;
  ms: number;
  rssMb: number;
}> = [];

const tables = async () => JSON.stringify(withoutSharedState(await readTables(server.dbFile)));

/** The server's resident memory (MB), from /proc. */
function rssMb(): number {
  try {
    const status = fs.readFileSync(`/proc/${server.child.pid}/status`, 'utf8');
    return Number(/VmRSS:\s+(\d+)/.exec(status)![1]) / 1024;
  } catch {
    return 0; // the process is gone
  }
}

interface Sent {
  status: number;
  headers: Headers;
  // biome-ignore lint/suspicious/noExplicitAny: tests assert response bodies field by field
  json: any;
  ms: number;
  rssMb: number;
}

/** POSTs `body` to the import as `cookie`; samples the server's RSS while it answers. */
async function send(
  body: Uint8Array | string | FormData,
  type: string | null,
  opts: { cookie?: string; origin?: boolean; path?: string } = {},
): Promise<Sent> {
  const headers: Record<string, string> = { cookie: opts.cookie ?? coordinator };
  if (type !== null) headers['content-type'] = type;
  if (opts.origin !== false) headers.origin = server.url;
  let peak = rssMb();
  const sampler = setInterval(() => {
    peak = Math.max(peak, rssMb());
  }, 20);
  const t0 = performance.now();
  try {
    const res = await fetch(server.url + (opts.path ?? importPath), {
      method: 'POST',
      headers,
      body: typeof body === 'string' ? new TextEncoder().encode(body) : (body as BodyInit),
    });
    const text = await res.text();
    const ms = performance.now() - t0;
    let json: unknown = null;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: res.status, headers: res.headers, json, ms, rssMb: Math.max(peak, rssMb()) };
  } catch {
    // the server died: status 0 (the assertions then fail), with what it cost until then
    return {
      status: 0,
      headers: new Headers(),
      json: null,
      ms: performance.now() - t0,
      rssMb: peak,
    };
  } finally {
    clearInterval(sampler);
  }
}

/** The server is up (a cheap GET answers), wrote nothing, and never ran out of heap. */
async function expectServerIntact() {
  const session = await fetch(`${server.url}/api/session`, { headers: { cookie: coordinator } });
  expect(session.status).toBe(200);
  expect(server.child.exitCode).toBeNull();
  expect(await tables()).toBe(fingerprint);
  expect(server.output()).not.toMatch(/heap out of memory|FATAL ERROR/i);
}

/** Asserts the refusal's status and envelope, records its cost. */
function expectRefused(attack: string, bytes: number, res: Sent, status: number, code: string) {
  measures.push({ attack, bytes, status: res.status, ms: res.ms, rssMb: res.rssMb });
  expect(res.status).toBe(status);
  expect(res.json).toEqual({
    error: expect.objectContaining({ code, message: expect.any(String) }),
  });
  expect(res.json.error.message.length).toBeGreaterThan(10);
}

/** The template's entries with `name` replaced (or added), zipped again (honest sizes). */
function templateWith(name: string, data: string, extra: Partial<TestZipEntry> = {}): Uint8Array {
  const entries: TestZipEntry[] = readTestZip(template).map((e) => ({
    name: e.name,
    data: e.data,
  }));
  const at = entries.findIndex((e) => e.name === name);
  const entry = { name, data, ...extra };
  if (at >= 0) entries[at] = entry;
  else entries.push(entry);
  return testZip(entries);
}

const cell = (ref: string, v: string | number) =>
  typeof v === 'number'
    ? `<c r="${ref}"><v>${v}</v></c>`
    : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`;
const row = (n: number, cells: Array<string | number>) =>
  `<row r="${n}">${cells.map((v, i) => cell(`${String.fromCharCode(65 + i)}${n}`, v)).join('')}</row>`;
const sheet = (rows: string[]) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet xmlns="${SHEET_NS}"><sheetData>${rows.join('')}</sheetData></worksheet>`;
const HEADER_ROW = ['indicateur', 'ventilation', 'libellé', 'unité', 'valeur', 'commentaire'];

/** A sheet of `rows` data rows of `width` cells (a code, numbers, a comment), under a header. */
function dataSheet(rows: number, width: number): string {
  const out = [row(1, HEADER_ROW.concat(Array(Math.max(0, width - 6)).fill('x')).slice(0, width))];
  for (let n = 2; n <= rows + 1; n++) {
    const cells: Array<string | number> = [
      `XX-${n % 97}`,
      '',
      'libellé',
      'nb',
      (n * 7919) % 100_003,
    ];
    while (cells.length < width) cells.push(cells.length === 5 ? `note ${n}` : (n * 31) % 1_009);
    out.push(row(n, cells.slice(0, width)));
  }
  return sheet(out);
}

beforeAll(async () => {
  const dbFile = tempDbFile('ptce-attack-imports-');
  server = await startServer(dbFile, { PTCE_DEMO: '1' });
  coordinator = await login(
    server.url,
    'coordination@henin-carvin.demo',
    server.passwords.get('coordination@henin-carvin.demo')!,
  );
  const admin = await login(
    server.url,
    'admin@ptce-suivi.demo',
    server.passwords.get('admin@ptce-suivi.demo')!,
  );
  const created = await fetch(`${server.url}/api/users`, {
    method: 'POST',
    headers: { cookie: admin, origin: server.url, 'content-type': 'application/json' },
    body: JSON.stringify({
      ...SECOND,
      name: 'Seconde coordination',
      memberships: [{ role: 'coordinator', pole: POLE }],
    }),
  });
  expect(created.status).toBe(201);
  second = await login(server.url, SECOND.email, SECOND.password);
  const period = currentQuarter(new Date());
  importPath = `/api/poles/${POLE}/import?period=${period}&dryRun=false`;
  const res = await fetch(`${server.url}/api/poles/${POLE}/template.xlsx?period=${period}`, {
    headers: { cookie: coordinator },
  });
  expect(res.status).toBe(200);
  template = new Uint8Array(await res.arrayBuffer());
  fingerprint = await tables();
});

afterAll(async () => {
  if (measures.length > 0) {
    const lines = measures.map(
      (m) =>
        `${m.attack.padEnd(44)} ${(m.bytes / 1024).toFixed(0).padStart(6)} KB  ${m.status}  ${m.ms.toFixed(0).padStart(6)} ms  RSS ${m.rssMb.toFixed(0)} MB`,
    );
    console.log(`import attacks (file, status, time, server RSS peak):\n${lines.join('\n')}`);
  }
  await server?.stop('SIGKILL');
  if (server) await removeTestDatabase(server.dbFile);
});

describe('hostile workbooks are refused while they are inflated and counted', () => {
  it('refuses the template with 90 MB of spaces in sheet1.xml (sizes honestly declared): 413', async () => {
    const sheet1 = readTestZip(template)
      .find((e) => e.name === 'xl/worksheets/sheet1.xml')!
      .data.toString();
    const padded = sheet1.replace('<sheetData>', `${' '.repeat(90 * MB)}<sheetData>`);
    const file = templateWith('xl/worksheets/sheet1.xml', padded);
    expect(file.length).toBeLessThan(500 * 1024);
    const res = await send(file, XLSX);
    expectRefused(
      'template + 90 MB of spaces in sheet1.xml',
      file.length,
      res,
      413,
      'PAYLOAD_TOO_LARGE',
    );
    expect(res.json.error.message).toBe('Ce classeur est trop volumineux une fois décompressé.');
    await expectServerIntact();
  });

  it('refuses an entry that declares 5 000 bytes and inflates to 150 MB: 413', async () => {
    const bomb = `<worksheet xmlns="${SHEET_NS}">${' '.repeat(150 * MB)}</worksheet>`;
    const file = templateWith('xl/worksheets/sheet2.xml', bomb, { declaredSize: 5_000 });
    const res = await send(file, 'application/octet-stream');
    expectRefused(
      'entry declaring 5 000 B, inflating to 150 MB',
      file.length,
      res,
      413,
      'PAYLOAD_TOO_LARGE',
    );
    await expectServerIntact();
  });

  it('refuses a workbook of 109 000 rows (12 MB unzipped), counted while reading: 413', async () => {
    const rows = [row(1, ['indicateur', 'valeur'])];
    for (let n = 2; n <= 109_001; n++) rows.push(row(n, ['PTCE-MEMBRES', n]));
    const xml = sheet(rows);
    expect(xml.length).toBeGreaterThan(9 * MB);
    const file = templateWith('xl/worksheets/sheet2.xml', xml);
    const res = await send(file, XLSX);
    expectRefused('109 000 rows', file.length, res, 413, 'PAYLOAD_TOO_LARGE');
    // past the byte budget (8 MB) or the rows counted (40 000 <row>), whichever comes first
    expect(res.json.error.message).toMatch(
      /plus de 20\s000 lignes|trop volumineux une fois décompressé/,
    );
    await expectServerIntact();
  });

  it('refuses a workbook of 600 KB holding 200 000 cells by its cells: 413', async () => {
    const file = templateWith('xl/worksheets/sheet2.xml', dataSheet(10_000, 20));
    const res = await send(file, XLSX);
    expectRefused('10 000 rows x 20 cells', file.length, res, 413, 'PAYLOAD_TOO_LARGE');
    expect(res.json.error.message).toMatch(/100\s000 cellules/);
    await expectServerIntact();
  });

  it('refuses a workbook whose comment is a lone surrogate (&#xD800;): 400, nothing stored', async () => {
    const xml = sheet([
      row(1, HEADER_ROW),
      row(2, ['PTCE-MEMBRES', '', 'Structures membres', 'nb', 41, 'avant &#xD800; après']),
    ]);
    const file = templateWith('xl/worksheets/sheet2.xml', xml);
    const res = await send(file, XLSX);
    expectRefused('lone surrogate in a comment cell', file.length, res, 400, 'BAD_REQUEST');
    // refused by the XML reader (an invalid character reference), else by the parsed cells' check
    expect(res.json.error.message).toMatch(/F2 contient des caractères invalides|illisible/);
    await expectServerIntact();
  });

  it('parses heavy workbooks one at a time, past the pool 503 or 429 with Retry-After, and lives', async () => {
    // 9 000 rows of 10 cells: under every counted limit, so exceljs builds each in the worker
    const heavy = templateWith('xl/worksheets/sheet2.xml', dataSheet(9_000, 10));
    expect(heavy.length).toBeGreaterThan(300 * 1024);
    const sent = Promise.all([
      send(heavy, XLSX),
      send(heavy, XLSX),
      send(heavy, XLSX, { cookie: second }),
      send(heavy, XLSX, { cookie: second }),
    ]);
    // while the worker parses, the request thread still answers (it took 7 s before)
    await new Promise((r) => setTimeout(r, 1_000));
    const t0 = performance.now();
    const during = await fetch(`${server.url}/api/session`, { headers: { cookie: coordinator } });
    expect(during.status).toBe(200);
    expect(performance.now() - t0).toBeLessThan(2_000);
    const answers = await sent;
    answers.forEach((a, i) => {
      measures.push({ attack: `heavy xlsx ${i + 1} of 4 at once`, bytes: heavy.length, ...a });
    });
    const statuses = answers.map((a) => a.status);
    // read and refused (unknown codes: 422; or too complex for the worker: 413), or turned away
    for (const a of answers) {
      expect([413, 422, 429, 503]).toContain(a.status);
      expect(a.json.error.code).toEqual(expect.any(String));
      if (a.status >= 429) expect(Number(a.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.filter((s) => s === 413 || s === 422).length).toBeGreaterThanOrEqual(2);
    expect(statuses.filter((s) => s === 503 || s === 429).length).toBeGreaterThanOrEqual(1);
    await expectServerIntact();
  }, 120_000);

  it('answers 503 with Retry-After at once while uploads fill the queue, before reading the body', async () => {
    const url = new URL(server.url + importPath);
    const slow = [coordinator, coordinator, second].map((cookie) => {
      const req = http.request(url, {
        method: 'POST',
        headers: {
          cookie,
          origin: server.url,
          'content-type': 'text/csv',
          'content-length': '100000',
        },
      });
      req.on('error', () => undefined);
      req.write(CSV_HEADER);
      return req;
    });
    try {
      await new Promise((r) => setTimeout(r, 300));
      const res = await send(`${CSV_HEADER}pole,PTCE-MEMBRES,3,\n`, 'text/csv', { cookie: second });
      expectRefused('upload while 3 are being read', 40, res, 503, 'SERVICE_UNAVAILABLE');
      expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
      expect(res.ms).toBeLessThan(2_000);
    } finally {
      for (const req of slow) req.destroy();
    }
    await new Promise((r) => setTimeout(r, 200));
    await expectServerIntact();
  });
});

describe('hostile CSVs are refused while parsed', () => {
  it.each([
    ['800 000 tiny lines', () => `${CSV_HEADER}${'p,X,1\n'.repeat(800_000)}`, /20\s000 lignes/],
    [
      'one line of a million fields',
      () => `${CSV_HEADER}pole${','.repeat(4_800_000)}\n`,
      /colonnes/,
    ],
    [
      'a 4.8 MB quoted field',
      () => `${CSV_HEADER}pole,PTCE-MEMBRES,1,"${'x""'.repeat(1_600_000)}"\n`,
      /guillemets/,
    ],
    [
      '40 000 quoted multi-line fields',
      () => `${CSV_HEADER}${'pole,PTCE-MEMBRES,1,"a\n""b"",\nc"\n'.repeat(40_000)}`,
      /20\s000 lignes/,
    ],
  ])('refuses %s with 413', async (name, build, message) => {
    const csv = build();
    expect(csv.length).toBeGreaterThan(1 * MB);
    expect(csv.length).toBeLessThan(5 * MB);
    const res = await send(csv, 'text/csv');
    expectRefused(`CSV: ${name}`, csv.length, res, 413, 'PAYLOAD_TOO_LARGE');
    expect(res.json.error.message).toMatch(message);
    await expectServerIntact();
  });
});

describe('the import accepts only its media types', () => {
  const csv = `${CSV_HEADER}pole,PTCE-MEMBRES,4321,\n`;

  it.each([
    ['text/plain (an HTML form can send it)', 'text/plain'],
    ['text/plain;charset=UTF-8', 'text/plain;charset=UTF-8'],
    ['a url-encoded form', 'application/x-www-form-urlencoded'],
    ['no content type', null],
    ['multipart without a boundary', 'multipart/form-data'],
  ])('refuses %s with 415', async (name, type) => {
    const res = await send(csv, type);
    expectRefused(`media type: ${name}`, csv.length, res, 415, 'UNSUPPORTED_MEDIA_TYPE');
    await expectServerIntact();
  });

  it('refuses a form-shaped text/plain body sent with the cookie and no Origin', async () => {
    // what <form enctype="text/plain"> of another site posts: `name=value` lines
    const body = 'scope,indicator,value,comment\npole,PTCE-MEMBRES,4321,=x\n';
    const res = await send(body, 'text/plain', { origin: false });
    measures.push({ attack: 'text/plain form, no Origin', bytes: body.length, ...res });
    expect([403, 415]).toContain(res.status);
    expect(res.json.error.code).toMatch(/FORBIDDEN|UNSUPPORTED_MEDIA_TYPE|CSRF/);
    await expectServerIntact();
  });

  it('reads one file sent as multipart/form-data or as octet-stream (dry run), and refuses two files', async () => {
    const dry = importPath.replace('dryRun=false', 'dryRun=true');
    const one = new FormData();
    one.append('file', new Blob([csv], { type: 'text/plain' }), 'valeurs.csv');
    const multipart = await send(one, null, { path: dry });
    expect(multipart.status, JSON.stringify(multipart.json)).toBe(200);
    expect(multipart.json.changes).toHaveLength(1);
    const octets = await send(csv, 'application/octet-stream', { path: dry });
    expect(octets.status).toBe(200);
    const two = new FormData();
    two.append('a', new Blob([csv]), 'a.csv');
    two.append('b', new Blob([csv]), 'b.csv');
    const res = await send(two, null);
    expectRefused('multipart with two files', csv.length * 2, res, 400, 'BAD_REQUEST');
    const big = new FormData();
    big.append('file', new Blob([new Uint8Array(5 * MB + 1).fill(0x41)]), 'gros.csv');
    expectRefused('multipart over 5 MB', 5 * MB, await send(big, null), 413, 'PAYLOAD_TOO_LARGE');
    await expectServerIntact();
  });
});
