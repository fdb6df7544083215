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

/** A signed percentage change, `+12,5 %`; `—` when the base is 0 or missing. */
export function fmtChange(current: number | null, base: number | null, lang: Lang): string {
  if (current === null || base === null || base === 0) return '—';
  const pct = ((current - base) / Math.abs(base)) * 100;
  const s = fmtNumber(Math.abs(pct), lang, 1);
  return `${pct > 0 ? '+' : pct < 0 ? '−' : ''}${s}${lang === 'fr' ? '\u202f%' : '%'}`;
}
