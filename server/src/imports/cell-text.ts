import type { CellValue } from 'exceljs';

/** A cell as the import sees it: empty, a real number, text, or something else (date, error…). */
export type RawCell =
  | { kind: 'empty' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; text: string }
  | { kind: 'other'; text: string }
  /** A formula saved without its computed result (`text` is `=` and the formula). */
  | { kind: 'uncomputed'; text: string };

const EMPTY: RawCell = { kind: 'empty' };

/** A CSV field: empty when blank, else text (numbers are parsed later). */
export function fromCsv(field: string | undefined): RawCell {
  return field === undefined || field.trim() === '' ? EMPTY : { kind: 'text', text: field };
}

/**
 * An exceljs cell value: numbers stay numbers (also a formula's cached result), rich text and
 * hyperlinks become their text, dates, booleans and error values become `other`, a formula
 * with no cached result (written by a program, never recalculated) becomes `uncomputed`.
 */
export function fromExcel(value: CellValue): RawCell {
  if (value === null || value === undefined) return EMPTY;
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'string') return value.trim() === '' ? EMPTY : { kind: 'text', text: value };
  if (typeof value === 'boolean') return { kind: 'other', text: String(value) };
  if (value instanceof Date) return { kind: 'other', text: value.toISOString().slice(0, 10) };
  if ('richText' in value) return fromExcel(value.richText.map((r) => r.text).join(''));
  if ('hyperlink' in value) return fromExcel(value.text);
  if ('error' in value) return { kind: 'other', text: String(value.error) };
  if ('formula' in value || 'sharedFormula' in value) {
    if (value.result === undefined) {
      const formula = 'sharedFormula' in value ? value.sharedFormula : value.formula;
      return { kind: 'uncomputed', text: `=${formula}` };
    }
    return fromExcel(value.result as CellValue);
  }
  return { kind: 'other', text: '?' };
}

/** The text of a cell for code-like fields: numbers written out, empty → `''`. */
export function cellText(cell: RawCell): string {
  if (cell.kind === 'empty') return '';
  if (cell.kind === 'number') return String(cell.value);
  return cell.text.trim();
}
