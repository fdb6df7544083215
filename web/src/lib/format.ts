import type { Change } from '@ptce/shared/figures/indicator-stats';
import { formatNumber } from '@ptce/shared/format';
import { quarterLabel } from '@ptce/shared/periods';

export type Lang = 'fr' | 'en';

/** A number the French (or English) way, with the indicator's decimals; `—` for no value. */
export function fmtNumber(value: number | null | undefined, lang: Lang, decimals?: number): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '—';
  return formatNumber(value, lang, decimals);
}

/** `T2 2025` in French, `Q2 2025` in English. */
export function fmtQuarter(q: string, lang: Lang): string {
  return quarterLabel(q, lang);
}

/** A date-time as `29/11/2026 10:05` (fr) or `29 Nov 2026, 10:05` (en). */
export function fmtDateTime(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'short',
    timeStyle: 'short',
  }).format(new Date(iso));
}

/** A date as `29 novembre 2026`. */
export function fmtDate(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'long' }).format(
    new Date(iso),
  );
}

/** `%` after a number: a narrow no-break space before it in French, none in English. */
const percentSign = (lang: Lang) => (lang === 'fr' ? '\u202f%' : '%');

/**
 * A signed change with one decimal and the true minus sign: relative as `+5,1 %` (from
 * 0.051), in points as `−1,2 pt` (`pointsLabel` after a no-break space). `—` for no change.
 */
export function fmtChange(change: Change | null, lang: Lang, pointsLabel: string): string {
  if (!change) return '—';
  const sign = change.value > 0 ? '+' : change.value < 0 ? '\u2212' : '';
  if (change.mode === 'points')
    return `${sign}${fmtNumber(Math.abs(change.value), lang, 1)}\u00a0${pointsLabel}`;
  return `${sign}${fmtNumber(Math.abs(change.value * 100), lang, 1)}${percentSign(lang)}`;
}

/** A percentage already multiplied by 100, as `82 %`; `—` for no value. */
export function fmtPercent(value: number | null, lang: Lang, decimals = 0): string {
  const n = fmtNumber(value, lang, decimals);
  return n === '—' ? n : `${n}${percentSign(lang)}`;
}

/** The French or English label of a catalogue item (indicator, dimension, member). */
export function labelIn(item: { labelFr: string; labelEn: string }, lang: Lang): string {
  return lang === 'en' ? item.labelEn : item.labelFr;
}

/**
 * A stored number as the text of an input, with the indicator's `decimals` (`13 700,50`,
 * `2,0`): French grouping in French, plain digits (`1234.50`) in English, both read back by
 * `parseNumberFr`; empty for no value. A negative one keeps the hyphen a keyboard types
 * (`-3`), not the displayed minus sign: the text is for editing.
 */
export function inputText(value: number | null | undefined, lang: Lang, decimals: number): string {
  if (value === null || value === undefined) return '';
  return lang === 'fr'
    ? formatNumber(value, 'fr', decimals).replace('\u2212', '-')
    : value.toFixed(decimals);
}
