import ExcelJS from 'exceljs';
import { ORIGIN } from '../test-support/client';
import type { TestInstance } from '../test-support/test-instance';
import { XLSX_TYPE } from './template-layout';

/** Test helper: POSTs raw bytes or text through the real app; returns status, headers, JSON. */
export async function upload(
  t: TestInstance,
  path: string,
  body: Uint8Array | string,
  opts: { cookie?: string; type?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = {
    'content-type': opts.type ?? XLSX_TYPE,
    ...opts.headers,
  };
  if (opts.cookie) headers.cookie = opts.cookie;
  const res = await t.app.request(`${ORIGIN}${path}`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });
  const text = await res.text();
  // biome-ignore lint/suspicious/noExplicitAny: tests assert response bodies field by field
  let json: any = null;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: res.status, headers: res.headers, json, text };
}

/** Test helper: downloads a template and opens it with exceljs. */
export async function downloadTemplate(
  t: TestInstance,
  pole: string,
  period: string,
  cookie: string,
) {
  const res = await t.app.request(`${ORIGIN}/api/poles/${pole}/template.xlsx?period=${period}`, {
    headers: { cookie },
  });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const wb = new ExcelJS.Workbook();
  if (res.status === 200) await wb.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return { res, bytes, wb };
}

/** Test helper: the row of a template sheet holding `indicator` and `slice` ('' = total). */
export function findRow(ws: ExcelJS.Worksheet, indicator: string, slice = ''): ExcelJS.Row {
  for (let r = 2; r <= ws.rowCount; r++) {
    const row = ws.getRow(r);
    if (row.getCell(1).value === indicator && (row.getCell(2).value ?? '') === slice) return row;
  }
  throw new Error(`no row ${indicator} ${slice} in ${ws.name}`);
}

/** Test helper: the workbook as .xlsx bytes. */
export async function toBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}
