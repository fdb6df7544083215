import type { Indicator } from '@ptce/shared/catalogue.schema';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { fmtNumber, type Lang } from '../../lib/format';
import { useLang } from '../../lib/use-lang';

/**
 * A value with its unit: `1 234,5 t` (narrow no-break space between thousands, no-break space
 * before the unit, narrow no-break space before `%` in French). `—` for no value.
 */
export function formatValue(
  value: number | null | undefined,
  decimals: number,
  unitLabel: string,
  lang: Lang,
): string {
  const n = fmtNumber(value, lang, decimals);
  if (n === '—' || !unitLabel) return n;
  if (unitLabel === '%') return `${n}${lang === 'fr' ? '\u202f' : ''}%`;
  return `${n}\u00a0${unitLabel}`;
}

export type ValueFormatter = (value: number | null | undefined, indicator: Indicator) => string;

/** `formatValue` bound to the UI language and the catalogue's unit labels. */
export function useValueFormatter(): ValueFormatter {
  const { t } = useTranslation('dashboard');
  const lang = useLang();
  return useCallback(
    (value, indicator) =>
      formatValue(value, indicator.decimals, t(`units.${indicator.unit}`), lang),
    [t, lang],
  );
}

/** The indicator's label in the UI language. */
export function indicatorLabel(indicator: Indicator, lang: Lang): string {
  return lang === 'en' ? indicator.labelEn : indicator.labelFr;
}

/**
 * A signed change: relative as `+5,0 %` (from 0.05), or in points as `−1,2 pt` for
 * percentages. Uses the true minus sign.
 */
export function formatChange(
  change: { mode: 'relative' | 'points'; value: number },
  lang: Lang,
  pointsLabel: string,
): string {
  const sign = change.value > 0 ? '+' : change.value < 0 ? '\u2212' : '';
  if (change.mode === 'points')
    return `${sign}${fmtNumber(Math.abs(change.value), lang, 1)}\u00a0${pointsLabel}`;
  const pct = fmtNumber(Math.abs(change.value * 100), lang, 1);
  return `${sign}${pct}${lang === 'fr' ? '\u202f' : ''}%`;
}

/** A percentage as `82 %` (narrow no-break space in French). */
export function formatPercent(value: number | null, lang: Lang, decimals = 0): string {
  const n = fmtNumber(value, lang, decimals);
  return n === '—' ? n : `${n}${lang === 'fr' ? '\u202f' : ''}%`;
}
