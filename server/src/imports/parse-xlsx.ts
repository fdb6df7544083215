import ExcelJS from 'exceljs';
import { ApiError } from '../http/api-error';
import { inBoth } from '../i18n/t';
import { cellText, fromExcel, type RawCell } from './cell-text';
import { notASpreadsheet } from './detect-format';
import { type Field, normalizeName, readHeader } from './header-aliases';
import { columnLetter, unreadable } from './import-issues';
import {
  type Column,
  type Declared,
  MAX_ROWS,
  type ParsedFile,
  type RawTable,
  tooManyRows,
} from './parsed-file';
import { README_KEYS } from './readme-sheet';
import { README_SHEET } from './template-layout';
import { declaredUnzippedSize, MAX_UNZIPPED_BYTES } from './zip-size';

/** Rows searched for the header at the top of a sheet. */
const HEADER_SEARCH_ROWS = 10;
const README_NAMES = new Set([normalizeName(README_SHEET), 'lisez moi', 'readme', 'read me']);

/**
 * Reads an .xlsx workbook: each sheet whose header row (within its first 10 rows) names the
 * indicator and value columns becomes a table; the read-me sheet gives the declared pole and
 * quarter; other non-empty sheets are listed as unrecognised. Real number cells stay numbers.
 * @throws 400 for a damaged workbook; 413 when it unzips beyond MAX_UNZIPPED_BYTES or holds
 *   more than MAX_ROWS data rows.
 */
export async function parseXlsx(bytes: Uint8Array): Promise<ParsedFile> {
  const size = declaredUnzippedSize(bytes);
  if (size === null) throw notASpreadsheet();
  if (size > MAX_UNZIPPED_BYTES) {
    throw new ApiError('PAYLOAD_TOO_LARGE', inBoth('import.xlsxTooLarge'));
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer,
    );
  } catch {
    throw unreadable(inBoth('import.xlsxUnreadable'));
  }
  const out: ParsedFile = { format: 'xlsx', tables: [], unrecognized: [], declared: {} };
  let total = 0;
  for (const ws of wb.worksheets) {
    if (README_NAMES.has(normalizeName(ws.name))) {
      out.declared = readDeclared(ws);
      continue;
    }
    const table = readTable(ws);
    if (table) {
      total += table.rows.length;
      if (total > MAX_ROWS) throw tooManyRows();
      out.tables.push(table);
    } else if (ws.actualRowCount > 0) out.unrecognized.push(ws.name);
  }
  return out;
}

const textsOf = (row: ExcelJS.Row, count: number) =>
  Array.from({ length: count }, (_, i) => cellText(fromExcel(row.getCell(i + 1).value)));

function readTable(ws: ExcelJS.Worksheet): RawTable | null {
  const width = ws.columnCount;
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, ws.rowCount); r++) {
    const texts = textsOf(ws.getRow(r), width);
    const header = readHeader(texts);
    if (!header) continue;
    const columns = new Map<Field, Column>();
    for (const [field, i] of header)
      columns.set(field, { letter: columnLetter(i), header: texts[i]! });
    const table: RawTable = { sheet: ws.name, headerRow: r, columns, rows: [] };
    ws.eachRow((row, n) => {
      if (n <= r || table.rows.length > MAX_ROWS) return;
      const cells = new Map<Field, RawCell>();
      for (const [field, i] of header) cells.set(field, fromExcel(row.getCell(i + 1).value));
      if ([...cells.values()].some((c) => c.kind !== 'empty')) table.rows.push({ row: n, cells });
    });
    return table;
  }
  return null;
}

function readDeclared(ws: ExcelJS.Worksheet): ParsedFile['declared'] {
  const declared: ParsedFile['declared'] = {};
  const keys = new Map<string, 'pole' | 'period'>([
    [normalizeName(README_KEYS.pole), 'pole'],
    [normalizeName(README_KEYS.period), 'period'],
  ]);
  ws.eachRow((row, n) => {
    const key = keys.get(normalizeName(cellText(fromExcel(row.getCell(1).value))));
    if (!key) return;
    const value = cellText(fromExcel(row.getCell(2).value));
    const found: Declared = { value, at: { sheet: ws.name, row: n, column: 'B' } };
    if (value) declared[key] = found;
  });
  return declared;
}
