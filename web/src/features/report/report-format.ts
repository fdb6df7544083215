import type { Indicator } from '@ptce/shared/catalogue.schema';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { fmtNumber, type Lang } from '../../lib/format';
import { useLang } from '../../lib/use-lang';

/** `1 234,5 t`: the number the French way, a no-break space, the unit (`12,5 %` for percent). */
export function formatValue(
  value: number | null,
  decimals: number,
  unit: string,
  lang: Lang,
): string {
  const n = fmtNumber(value, lang, decimals);
  if (n === '—' || !unit) return n;
  if (unit === '%') return `${n}${lang === 'fr' ? '\u202f' : ''}%`;
  return `${n}\u00a0${unit}`;
}

/** `+5,0 %` from 0.05, or `−1,2 pt` for a change in points; true minus sign. */
export function formatChange(
  change: { mode: 'relative' | 'points'; value: number } | null,
  lang: Lang,
  points: string,
): string {
  if (!change) return '—';
  const sign = change.value > 0 ? '+' : change.value < 0 ? '\u2212' : '';
  if (change.mode === 'points')
    return `${sign}${fmtNumber(Math.abs(change.value), lang, 1)}\u00a0${points}`;
  return `${sign}${fmtNumber(Math.abs(change.value * 100), lang, 1)}${lang === 'fr' ? '\u202f' : ''}%`;
}

/** `formatValue` bound to the UI language and the report's unit labels. */
export function useReportFormatter() {
  const { t } = useTranslation('report');
  const lang = useLang();
  return useCallback(
    (value: number | null, indicator: Indicator) =>
      formatValue(value, indicator.decimals, t(`units.${indicator.unit}`), lang),
    [t, lang],
  );
}
