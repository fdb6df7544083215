import { PassThrough, Readable, type Writable } from 'node:stream';
import { exportColumns } from '@ptce/shared/exports.labels';
import type { ExportManifest } from '@ptce/shared/exports.schema';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { columnDocs, xlsxHeaders } from './column-docs';
import { type ExportPlan, exportRows } from './export-rows';
import { decimalsOf, roundedValue } from './row-format';
import { rowLabeller } from './row-labels';

const UNIT_SUFFIX: Record<string, string> = {
  count: '',
  persons: '',
  fte: ' "ETP"',
  eur: ' "€"',
  tonnes: ' "t"',
  hours: ' "h"',
  percent: ' "%"',
  mwh: ' "MWh"',
};

/** An Excel number format showing the indicator's decimals and unit; the cell stays a number. */
function numberFormat(unit: string, decimals: number): string {
  return `#,##0${decimals > 0 ? `.${'0'.repeat(decimals)}` : ''}${UNIT_SUFFIX[unit] ?? ''}`;
}

/** Sheet names: French, English for an export with English labels. */
const SHEETS = {
  fr: {
    scope: 'Périmètres',
    pole: 'Pôles',
    region: 'Régions',
    columns: 'Colonnes',
    manifest: 'Manifeste',
    key: 'clé',
    value: 'valeur',
  },
  en: {
    scope: 'Scopes',
    pole: 'Poles',
    region: 'Regions',
    columns: 'Columns',
    manifest: 'Manifest',
    key: 'key',
    value: 'value',
  },
} as const;

/** Column widths of the data sheet (others 14). */
const WIDTHS: Record<string, number> = {
  value: 16,
  indicator: 30,
  region_name: 20,
  pole_name: 24,
  scope_name: 24,
  indicator_label: 50,
  slice_label: 30,
};

/** Bytes of sheet XML the writer may hand the zip before waiting for it to compress them. */
const XML_AHEAD = 512 * 1024;

/**
 * Waits while the zip has more than XML_AHEAD bytes of the sheet's XML not yet compressed.
 * exceljs hands each committed row to archiver's deflater without waiting, so a sheet written
 * faster than zlib compresses (or than the reader takes it) would otherwise sit in memory whole.
 * The sheet's stream (a StreamBuf) pipes into archiver's input: its buffered length is the backlog.
 */
async function zipped(sheet: object): Promise<void> {
  type Pipe = { writableLength?: number; _writableState?: { length: number } };
  const backlog = () => {
    const { pipes } = (sheet as { stream: { pipes?: Pipe[] } }).stream;
    // archiver wraps the sheet's stream in a readable-stream PassThrough: no `writableLength`.
    return (pipes ?? []).reduce(
      (n, p) => n + (p.writableLength ?? p._writableState?.length ?? 0),
      0,
    );
  };
  while (backlog() > XML_AHEAD) await new Promise((r) => setTimeout(r, 2));
}

/**
 * The XLSX export, written by exceljs's streaming writer into `out` in one pass over the
 * database: one sheet for the level (Périmètres, Pôles or Régions) with a frozen header and
 * numeric value cells formatted with the indicator's decimals and unit, then a sheet describing
 * the columns and one with the manifest. `pace` is awaited after each group of rows (a worker
 * waits there for the reader, and stops when it went away).
 */
export async function writeXlsx(
  db: Kysely<Database>,
  plan: ExportPlan,
  manifest: ExportManifest,
  out: Writable,
  pace: () => Promise<void> = async () => undefined,
): Promise<void> {
  // exceljs is large (~10 MB of a thread's heap): loaded by the first XLSX export, not before.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: out,
    useStyles: true,
    useSharedStrings: false,
  });
  const decimals = decimalsOf(plan.catalogue);
  const labelled = plan.labels ? rowLabeller(plan.catalogue, plan.labels) : null;
  const names = SHEETS[plan.labels ?? 'fr'];
  const sheet = workbook.addWorksheet(names[plan.level], {
    views: [{ state: 'frozen', ySplit: 1 }],
  });
  const headers = xlsxHeaders(plan.labels);
  sheet.columns = exportColumns(plan.labels).map((key, i) => ({
    header: headers[i],
    key,
    width: WIDTHS[key] ?? 14,
  }));
  sheet.getRow(1).font = { bold: true };
  for await (const { rows, names: group } of exportRows(db, plan)) {
    for (const row of rows) {
      const d = decimals(row.indicator);
      const r = sheet.addRow(
        labelled ? labelled(row, group, d) : { ...row, value: roundedValue(row, d) },
      );
      r.getCell('value').numFmt = numberFormat(row.unit, d);
      r.commit();
    }
    await zipped(sheet);
    await pace();
  }
  sheet.commit();
  const docs = workbook.addWorksheet(names.columns, { views: [{ state: 'frozen', ySplit: 1 }] });
  const columns = columnDocs(plan.labels, headers);
  docs.columns = columns.head.map((header, i) => ({ header, width: i === 0 ? 24 : 90 }));
  docs.getRow(1).font = { bold: true };
  for (const d of columns.rows) docs.addRow(d).commit();
  docs.commit();
  const meta = workbook.addWorksheet(names.manifest);
  meta.columns = [
    { header: names.key, key: 'key', width: 22 },
    { header: names.value, key: 'value', width: 90 },
  ];
  for (const [key, value] of manifestEntries(manifest)) meta.addRow({ key, value }).commit();
  meta.commit();
  await workbook.commit();
}

/** The XLSX export as a byte stream, built on the calling thread (an in-memory database's). */
export function xlsxStream(
  db: Kysely<Database>,
  plan: ExportPlan,
  manifest: ExportManifest,
  /** Called once the workbook is written or has failed (releases the snapshot). */
  done: () => Promise<void> = async () => undefined,
): ReadableStream<Uint8Array> {
  const out = new PassThrough();
  writeXlsx(db, plan, manifest, out)
    .catch((err) => out.destroy(err as Error))
    .finally(() => done());
  return Readable.toWeb(out) as ReadableStream<Uint8Array>;
}

function manifestEntries(m: ExportManifest): Array<[string, string | number]> {
  return [
    ['generatedAt', m.generatedAt],
    ['generatedBy', `${m.generatedBy.name} <${m.generatedBy.email}>`],
    ...Object.entries(m.filters).map(([k, v]): [string, string] => [
      `filters.${k}`,
      Array.isArray(v) ? v.join(',') : String(v ?? ''),
    ]),
    ['catalogueVersion', m.catalogueVersion],
    ['rowCount', m.rowCount],
    ...Object.entries(m.statusCounts).map(([k, n]): [string, number] => [`statusCounts.${k}`, n]),
    ['sha256', m.sha256],
    ...m.notes.map((n, i): [string, string] => [`note ${i + 1}`, n]),
  ];
}
