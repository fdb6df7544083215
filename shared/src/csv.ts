/** CSV dialects of the exports: RFC 4180 (`,`, `.`) and French Excel (`;`, decimal comma). */
export interface CsvDialect {
  separator: ',' | ';';
  decimalComma: boolean;
}

export const RFC4180: CsvDialect = { separator: ',', decimalComma: false };
export const FRENCH_EXCEL: CsvDialect = { separator: ';', decimalComma: true };

/** The line end of both dialects (RFC 4180 and what Excel writes). */
const CRLF = '\r\n';

/** The UTF-8 byte-order mark French Excel needs to read UTF-8. */
export const BOM = '\uFEFF';

/**
 * Neutralises a text cell a spreadsheet would run as a formula (starting with `=`, `+`, `-`,
 * `@`, a tab or a carriage return) by prefixing an apostrophe (OWASP's CSV-injection advice).
 */
export function neutralise(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/** A text cell: neutralised, then quoted when it holds the separator, a quote or a line break. */
export function csvText(text: string, dialect: CsvDialect): string {
  const safe = neutralise(text);
  return safe.includes(dialect.separator) || /["\r\n]/.test(safe)
    ? `"${safe.replaceAll('"', '""')}"`
    : safe;
}

/**
 * A number cell with at most `decimals` decimals, no trailing zeros, no thousands separator
 * (spreadsheets read it as a number), `,` as the decimal mark in the French dialect; empty
 * for null. Rounding removes floating-point noise from sums (0.1 + 0.2 → 0.3).
 */
export function csvNumber(value: number | null, decimals: number, dialect: CsvDialect): string {
  if (value === null || !Number.isFinite(value)) return '';
  let s = value.toFixed(decimals);
  if (s.includes('.')) s = s.replace(/\.?0+$/, '');
  if (s === '-0') s = '0';
  return dialect.decimalComma ? s.replace('.', ',') : s;
}

/** One line of cells already formatted by csvText/csvNumber, ended by CRLF. */
export function csvLine(cells: readonly string[], dialect: CsvDialect): string {
  return cells.join(dialect.separator) + CRLF;
}
