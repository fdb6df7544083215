import type { Unit } from './catalogue.schema';

/** Languages of the user interface and messages, French first. */
export type Lang = 'fr' | 'en';

/** Narrow no-break space (U+202F): the French thousands separator. */
export const NARROW_NBSP = '\u202f';

/** The minus sign (U+2212) of a negative number shown to people, never the hyphen. */
const MINUS = '\u2212';

/** Decimals kept when `formatNumber` is given no explicit count (trailing zeros trimmed). */
const DEFAULT_MAX_DECIMALS = 4;

const SEPARATORS: Record<Lang, { group: string; decimal: string }> = {
  fr: { group: NARROW_NBSP, decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/**
 * Formats a number for display: French `1 234,5` (narrow no-break space, decimal comma) or
 * English `1,234.5`. With `decimals`, exactly that many decimals are shown; without, up to 4
 * with trailing zeros trimmed. A negative number takes the minus sign U+2212 (`−26 393`), as
 * every screen and message writes it; `-0` is shown as `0`.
 * @throws RangeError when `value` is not finite or `decimals` is not an integer in 0–20.
 */
export function formatNumber(value: number, lang: Lang, decimals?: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`cannot format ${value}`);
  if (decimals !== undefined && !(Number.isInteger(decimals) && decimals >= 0 && decimals <= 20)) {
    throw new RangeError(`decimals must be an integer in 0–20, got ${decimals}`);
  }
  if (Math.abs(value) >= 1e21) return String(value);
  // The common case of counts (rule messages, grids): no group, no decimal, no regex.
  if (Number.isInteger(value) && value > -1000 && value < 1000 && !decimals)
    return value < 0 ? MINUS + String(-value) : String(Math.abs(value));
  let fixed = Math.abs(value).toFixed(decimals ?? DEFAULT_MAX_DECIMALS);
  if (decimals === undefined && fixed.includes('.')) fixed = fixed.replace(/\.?0+$/, '');
  const [intPart = '0', fracPart] = fixed.split('.');
  const { group, decimal } = SEPARATORS[lang];
  const grouped = intPart.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  const isZero = /^[0.]*$/.test(fixed);
  const sign = value < 0 && !isZero ? MINUS : '';
  return sign + grouped + (fracPart ? decimal + fracPart : '');
}

/**
 * `value` rounded to `decimals` exactly as `formatNumber` shows it (the digits of
 * `toFixed(decimals)`), `-0` as `0`: what a file writes so that it equals the screen.
 */
export function roundTo(value: number, decimals: number): number {
  const r = Number(value.toFixed(decimals));
  return Object.is(r, -0) ? 0 : r;
}

/** `formatNumber(value, 'fr', decimals)`: `1234.5` → `1 234,5` (narrow no-break space). */
export function formatNumberFr(value: number, decimals?: number): string {
  return formatNumber(value, 'fr', decimals);
}

/**
 * Whether `value` has more decimals than `decimals` allows, as the server and the grid check it: float
 * noise below a millionth of the scaled value is tolerated (0.1 + 0.2 has one decimal).
 */
export function exceedsDecimals(value: number, decimals: number): boolean {
  const scaled = value * 10 ** decimals;
  return Math.abs(scaled - Math.round(scaled)) > 1e-6 * Math.max(1, Math.abs(scaled));
}

/**
 * A number as typed by a French or English user: optional sign (`-`, `+` or `−`), digits
 * optionally grouped by three with a space, no-break space or narrow no-break space, and an
 * optional decimal part after `,` or `.` (`1 234,5`, `1234.5`, `-3`). A comma is always a
 * decimal separator, so `1,234` is 1.234. Surrounding white space is ignored.
 * @returns the number, or null when the text is empty or not such a number (`1,2,3`,
 *   `12abc`, `NaN`, `Infinity`, `1e3`, `1.234,5`).
 */
export function parseNumberFr(input: string): number | null {
  const text = input.trim();
  const match = /^([-+\u2212]?)(\d{1,3}(?:[ \u00a0\u202f]\d{3})+|\d+)(?:[.,](\d+))?$/.exec(text);
  if (!match) return null;
  const [, sign, intPart = '', fracPart] = match;
  const digits = intPart.replace(/[ \u00a0\u202f]/g, '') + (fracPart ? `.${fracPart}` : '');
  const value = Number(digits);
  if (!Number.isFinite(value)) return null;
  if (value === 0) return 0;
  return sign === '-' || sign === '\u2212' ? -value : value;
}

/** Unit symbols written after a value (`1 234,50 €`, `2,0 ETP`); none for a count. */
const UNIT_SYMBOLS: Record<Lang, Record<Unit, string>> = {
  fr: {
    count: '',
    persons: 'pers.',
    fte: 'ETP',
    eur: '€',
    tonnes: 't',
    hours: 'h',
    percent: '%',
    mwh: 'MWh',
  },
  en: {
    count: '',
    persons: 'people',
    fte: 'FTE',
    eur: '€',
    tonnes: 't',
    hours: 'h',
    percent: '%',
    mwh: 'MWh',
  },
};

/** What formatting a value needs of its indicator. */
export interface ValueFormat {
  decimals: number;
  unit: Unit;
}

/**
 * A value of an indicator as every screen, file and message shows it: exactly the catalogue's
 * decimals, then its unit symbol — `13 700,50 €`, `2,0 ETP`, `55,3 %` (narrow no-break space
 * before `%` in French, none in English; a no-break space before other symbols), the bare
 * number for a count. `—` when there is no value.
 */
export function formatValue(
  value: number | null | undefined,
  indicator: ValueFormat,
  lang: Lang,
): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  const n = formatNumber(value, lang, indicator.decimals);
  const symbol = UNIT_SYMBOLS[lang][indicator.unit];
  if (!symbol) return n;
  if (symbol === '%') return lang === 'fr' ? `${n}${NARROW_NBSP}%` : `${n}%`;
  return `${n}\u00a0${symbol}`;
}
