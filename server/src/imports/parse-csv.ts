import { CsvError, Parser } from 'csv-parse';
import { ApiError } from '../http/api-error';
import { inBoth } from '../i18n/t';
import { fromCsv, type RawCell } from './cell-text';
import { type Field, readHeader } from './header-aliases';
import { columnLetter, unreadable } from './import-issues';
import { type Column, MAX_ROWS, type ParsedFile, type RawRow, tooManyRows } from './parsed-file';

/** Most fields in one CSV record (a template has 9 columns). */
export const MAX_CSV_FIELDS = 200;
/** Most characters in one CSV record (a comment is at most a few thousand). */
const MAX_CSV_RECORD_CHARS = 2 * 1024 * 1024;

/** csv-parse's own errors carry a code and the line reached. */
type CsvFailure = CsvError & { lines?: number };

/** Bytes handed to the parser at a time: between two, the record being read is measured. */
const CHUNK_BYTES = 16 * 1024;

/** csv-parse's state: the fields of the record being read (public on its Parser, not typed). */
type WithState = { state: { record: unknown[] } };

/**
 * Runs `parser` over `bytes` a chunk at a time (each chunk is parsed synchronously by `write`),
 * checking between chunks the fields of the record still open: a line of a million fields stops
 * after one chunk, before it is built. Resolves at the end; rejects with the parser's error.
 */
async function feed(parser: Parser, bytes: Buffer): Promise<void> {
  const ended = new Promise<void>((resolve, reject) => {
    parser.on('error', reject);
    parser.on('end', resolve);
  });
  parser.resume();
  for (let at = 0; at < bytes.length && !parser.errored; at += CHUNK_BYTES) {
    parser.write(bytes.subarray(at, at + CHUNK_BYTES));
    const open = (parser as unknown as WithState).state.record.length;
    if (open > MAX_CSV_FIELDS) {
      ended.catch(() => undefined);
      parser.destroy();
      throw tooWide(parser.info.lines);
    }
  }
  // an error stops the writes at once (`errored`); its event comes on the next tick
  if (!parser.errored) parser.end();
  await ended;
}

function tooWide(line: number) {
  return new ApiError(
    'PAYLOAD_TOO_LARGE',
    inBoth('import.csvTooWide', { line, max: MAX_CSV_FIELDS }),
  );
}

/**
 * Reads CSV text (RFC 4180 with `,`, or `;` for csv-fr) into one table. Row numbers are record
 * numbers counting the header as 1, as a spreadsheet shows the file; blank lines are skipped
 * but counted. A row with more fields than the header is marked (`overflow`). The header row is
 * the first non-blank record and must name at least the indicator and value columns.
 * Limits are checked while parsing, record by record: the parser stops at the first record past
 * MAX_CSV_FIELDS fields or MAX_CSV_RECORD_CHARS characters, and at the record past MAX_ROWS
 * rows after the header; no record is kept but the recognised cells of data rows.
 * @throws 400 for malformed CSV or a missing header; 413 beyond MAX_ROWS rows, a record too
 *   wide or too long.
 */
export async function parseCsv(
  text: string,
  delimiter: ',' | ';',
  format: 'csv' | 'csv-fr',
): Promise<ParsedFile> {
  let header: Map<Field, number> | null = null;
  let headerRow = 0;
  let width = 0;
  const columns = new Map<Field, Column>();
  const rows: RawRow[] = [];
  let n = 0;
  const onRecord = (record: string[]) => {
    n += 1;
    const blank = record.every((f) => f.trim() === '');
    if (!header) {
      if (blank) return null;
      header = readHeader(record);
      if (!header) throw unreadable(inBoth('import.csvNoHeader'));
      headerRow = n;
      width = record.length;
      for (const [field, index] of header)
        columns.set(field, { letter: columnLetter(index), header: record[index]!.trim() });
      return null;
    }
    if (n - headerRow > MAX_ROWS) throw tooManyRows();
    if (blank) return null;
    const cells = new Map<Field, RawCell>();
    for (const [field, index] of header) cells.set(field, fromCsv(record[index]));
    // `1,5` unquoted in a comma CSV splits a number in two: a row wider than its header betrays it.
    const overflow = record.length > width ? { overflow: columnLetter(width) } : {};
    rows.push({ row: n, cells, ...overflow });
    return null;
  };
  // csv-parse builds an Error, stack included, for each record whose width differs from the
  // first one's, even when relaxed: 20 000 such records took 2 s with stacks, 0.4 s without.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    await feed(
      new Parser({
        delimiter,
        bom: true,
        relax_column_count: true,
        relax_quotes: true,
        skip_empty_lines: false,
        max_record_size: MAX_CSV_RECORD_CHARS,
        on_record: (record: string[], info) => {
          if (record.length > MAX_CSV_FIELDS) throw tooWide(info.lines);
          return onRecord(record);
        },
      }),
      Buffer.from(text),
    );
  } catch (err) {
    if (!(err instanceof CsvError)) throw err;
    const line = (err as CsvFailure).lines;
    if (err.code === 'CSV_MAX_RECORD_SIZE')
      throw new ApiError(
        'PAYLOAD_TOO_LARGE',
        inBoth('import.csvRecordTooLong', {
          line: line ?? n + 1,
          megabytes: MAX_CSV_RECORD_CHARS / 1024 / 1024,
        }),
      );
    throw unreadable(
      line ? inBoth('import.csvMalformedAt', { line }) : inBoth('import.csvMalformed'),
    );
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  if (!header) throw unreadable(inBoth('import.csvNoHeader'));
  return {
    format,
    tables: [{ sheet: null, headerRow, columns, rows }],
    unrecognized: [],
    declared: {},
  };
}
