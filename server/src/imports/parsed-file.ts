import { ApiError } from '../http/api-error';
import { t } from '../i18n/t';
import type { RawCell } from './cell-text';
import type { Field } from './header-aliases';
import type { CellLocation } from './import-issues';

/** The file formats the import reads. */
export type ImportFormat = 'xlsx' | 'csv' | 'csv-fr';

/** Most data rows read from one file (all sheets together). */
export const MAX_ROWS = 20_000;

export interface Column {
  letter: string;
  header: string;
}

/** One data row: its 1-based row number and the cells of the recognised columns. */
export interface RawRow {
  row: number;
  cells: Map<Field, RawCell>;
  /** CSV: the letter of the first field beyond the header's width, when the row is wider. */
  overflow?: string;
}

/** A sheet (xlsx) or the whole file (CSV): a header row naming the columns, then data rows. */
export interface RawTable {
  /** The sheet's name; null for a CSV file. */
  sheet: string | null;
  headerRow: number;
  columns: Map<Field, Column>;
  rows: RawRow[];
}

/** A file read into tables, before any meaning is given to its cells. */
export interface ParsedFile {
  format: ImportFormat;
  tables: RawTable[];
  /** Sheets of a workbook in which no header row was found (reported as errors). */
  unrecognized: string[];
  /** The pole slug and quarter a template's read-me sheet declares, where found. */
  declared: { pole?: Declared; period?: Declared };
}

export interface Declared {
  value: string;
  at: CellLocation;
}

/** The location of a row's cell for `field` (the row itself when the column is absent). */
export function locate(table: RawTable, row: number, field: string): CellLocation {
  const col = table.columns.get(field as Field);
  return {
    sheet: table.sheet,
    row,
    column: col?.letter ?? null,
    ...(col ? { header: col.header } : {}),
  };
}

/** The 413 of a file with more than MAX_ROWS data rows. */
export function tooManyRows(): ApiError {
  return new ApiError('PAYLOAD_TOO_LARGE', {
    fr: t('fr', 'import.tooManyRows', { max: MAX_ROWS.toLocaleString('fr-FR') }),
    en: t('en', 'import.tooManyRows', { max: MAX_ROWS.toLocaleString('en-GB') }),
  });
}
