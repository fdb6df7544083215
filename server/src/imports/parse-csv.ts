import { CsvError, parse } from 'csv-parse/sync';
import { inBoth } from '../i18n/t';
import { fromCsv, type RawCell } from './cell-text';
import { type Field, readHeader } from './header-aliases';
import { columnLetter, unreadable } from './import-issues';
import { type Column, MAX_ROWS, type ParsedFile, type RawRow, tooManyRows } from './parsed-file';

/**
 * Reads CSV text (RFC 4180 with `,`, or `;` for csv-fr) into one table. Row numbers are record
 * numbers counting the header as 1, as a spreadsheet shows the file; blank lines are skipped
 * but counted. A row with more fields than the header is marked (`overflow`). The header row is the first non-blank record and must name at least the
 * indicator and value columns.
 * @throws 400 for malformed CSV or a missing header; 413 beyond MAX_ROWS rows.
 */
export function parseCsv(text: string, delimiter: ',' | ';', format: 'csv' | 'csv-fr'): ParsedFile {
  let records: string[][];
  try {
    records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    });
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = (err as CsvError & { lines?: number }).lines;
    throw unreadable(
      line ? inBoth('import.csvMalformedAt', { line }) : inBoth('import.csvMalformed'),
    );
  }
  const headerIndex = records.findIndex((r) => r.some((f) => f.trim() !== ''));
  const header = headerIndex >= 0 ? readHeader(records[headerIndex]!) : null;
  if (!header) {
    throw unreadable(inBoth('import.csvNoHeader'));
  }
  if (records.length - headerIndex - 1 > MAX_ROWS) throw tooManyRows();
  const columns = new Map<Field, Column>();
  for (const [field, index] of header)
    columns.set(field, {
      letter: columnLetter(index),
      header: records[headerIndex]![index]!.trim(),
    });
  const rows: RawRow[] = [];
  const width = records[headerIndex]!.length;
  for (let i = headerIndex + 1; i < records.length; i++) {
    const record = records[i]!;
    if (record.every((f) => f.trim() === '')) continue;
    const cells = new Map<Field, RawCell>();
    for (const [field, index] of header) cells.set(field, fromCsv(record[index]));
    // `1,5` unquoted in a comma CSV splits a number in two: a row wider than its header betrays it.
    const overflow = record.length > width ? { overflow: columnLetter(width) } : {};
    rows.push({ row: i + 1, cells, ...overflow });
  }
  return {
    format,
    tables: [{ sheet: null, headerRow: headerIndex + 1, columns, rows }],
    unrecognized: [],
    declared: {},
  };
}
