import { parseNumberFr } from '@ptce/shared/format';

const ENGLISH_GROUPED = /^([-+]?)(\d{1,3}(?:,\d{3})+)(\.\d+)?$/;

/**
 * A number typed in a spreadsheet or CSV cell, French or English: `1 234,5`, `1234,5`,
 * `1234.5`, `-3` (see `parseNumberFr`: a lone comma is a decimal comma, so `1,234` is 1.234),
 * plus the English grouped form with a decimal point, `1,234.5`. Surrounding spaces ignored.
 * @returns the number, or null when the text is not a number.
 */
export function parseCellNumber(text: string): number | null {
  const fr = parseNumberFr(text);
  if (fr !== null) return fr;
  const m = ENGLISH_GROUPED.exec(text.trim());
  if (!m) return null;
  const value = Number(`${m[2]!.replace(/,/g, '')}${m[3] ?? ''}`);
  return m[1] === '-' ? -value : value;
}
