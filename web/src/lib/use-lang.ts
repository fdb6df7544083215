import type { Indicator } from '@ptce/shared/catalogue.schema';
import { formatValue } from '@ptce/shared/format';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { Lang } from './format';

/** The UI language, `fr` or `en`. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'fr';
}

/** A value of an indicator with its decimals and unit symbol (`1 234,5 t`); `—` for none. */
export type ValueFormatter = (value: number | null | undefined, indicator: Indicator) => string;

/** The shared `formatValue` bound to the UI language. */
export function useValueFormatter(): ValueFormatter {
  const lang = useLang();
  return useCallback((value, indicator) => formatValue(value, indicator, lang), [lang]);
}
