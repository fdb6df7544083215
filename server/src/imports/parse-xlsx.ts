import type ExcelJS from 'exceljs';
import { ApiError } from '../http/api-error';
import { inBoth, t } from '../i18n/t';
import { cellText, fromExcel, type RawCell } from './cell-text';
import { countElements, noElements } from './count-elements';
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
import { storedZip, UnzipError, unzipCounted } from './unzip-counted';

/** Rows searched for the header at the top of a sheet. */
const HEADER_SEARCH_ROWS = 10;
const README_NAMES = new Set([normalizeName(README_SHEET), 'lisez moi', 'readme', 'read me']);

/**
 * What a workbook may hold, counted on the inflated bytes before exceljs builds anything (its
 * model takes some 400 bytes of heap a cell). A filled template is ~150 KB unzipped and 3 000
 * cells; 10 000 rows of 10 columns are 4 MB and 100 000 cells, ~40 MB in exceljs, within the
 * imports worker's heap. Larger tables come as CSV (20 000 rows).
 */
export const XLSX_LIMITS = {
  /** Inflated bytes of the parts read (all together). */
  bytes: 8 * 1024 * 1024,
  /** `<row>` elements of all sheets, empty formatted rows included. */
  rows: 2 * MAX_ROWS,
  cells: 100_000,
  sharedStrings: 100_000,
  /** Elements of every part read. */
  elements: 500_000,
};

/**
 * The parts exceljs is given: the workbook, its sheets, shared strings and styles, and the
 * relations and small XML parts a sheet may point to. Images and themes are never inflated.
 */
const KEPT_PART =
  /^(\[Content_Types\]\.xml|_rels\/\.rels|docProps\/(app|core)\.xml|xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/sheet\d+\.xml|worksheets\/_rels\/sheet\d+\.xml\.rels|drawings\/\w+\.xml|drawings\/_rels\/\w+\.xml\.rels|drawings\/vmlDrawing\d+\.vml|comments\d+\.xml|tables\/table\d+\.xml))$/;
const SHEET_PART = /^xl\/worksheets\/sheet\d+\.xml$/;

const tooLarge = () => new ApiError('PAYLOAD_TOO_LARGE', inBoth('import.xlsxTooLarge'));
const tooComplex = (max: number) =>
  new ApiError('PAYLOAD_TOO_LARGE', {
    fr: t('fr', 'import.xlsxTooComplex', { max: max.toLocaleString('fr-FR') }),
    en: t('en', 'import.xlsxTooComplex', { max: max.toLocaleString('en-GB') }),
  });

/**
 * The workbook's parts, inflated within XLSX_LIMITS.bytes (counted while inflating), their rows,
 * cells and elements counted, then zipped again without compression for exceljs: what it loads
 * is exactly what was counted.
 * @throws 413 past a limit; 400 for bytes that are not a readable zip.
 */
export function boundedWorkbook(bytes: Uint8Array): Uint8Array {
  let parts: Map<string, Uint8Array>;
  try {
    parts = unzipCounted(bytes, (name) => KEPT_PART.test(name), XLSX_LIMITS.bytes);
  } catch (err) {
    if (!(err instanceof UnzipError)) throw err;
    if (err.reason === 'too-large') throw tooLarge();
    throw notASpreadsheet();
  }
  const sheets = noElements();
  const others = noElements();
  for (const [name, part] of parts) {
    countElements(part, SHEET_PART.test(name) ? sheets : others);
    if (sheets.rows > XLSX_LIMITS.rows) throw tooManyRows();
    if (sheets.cells > XLSX_LIMITS.cells) throw tooComplex(XLSX_LIMITS.cells);
    if (others.strings > XLSX_LIMITS.sharedStrings) throw tooComplex(XLSX_LIMITS.cells);
    if (sheets.elements + others.elements > XLSX_LIMITS.elements)
      throw tooComplex(XLSX_LIMITS.cells);
  }
  return storedZip(parts);
}

/**
 * Reads an .xlsx workbook: each sheet whose header row (within its first 10 rows) names the
 * indicator and value columns becomes a table; the read-me sheet gives the declared pole and
 * quarter; other non-empty sheets are listed as unrecognised. Real number cells stay numbers.
 * @throws 400 for a damaged workbook; 413 past XLSX_LIMITS (bytes inflated, rows, cells) or
 *   with more than MAX_ROWS data rows.
 */
export async function parseXlsx(bytes: Uint8Array): Promise<ParsedFile> {
  const bounded = boundedWorkbook(bytes);
  // Loaded on the first workbook: exceljs is ~19 MB of RSS a worker reading CSV or exporting never needs.
  const { default: ExcelJS } = await import('exceljs');
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(
      Buffer.from(
        bounded.buffer,
        bounded.byteOffset,
        bounded.byteLength,
      ) as unknown as ExcelJS.Buffer,
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
