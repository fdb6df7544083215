import type { Indicator } from '@ptce/shared/catalogue.schema';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { fmtValue, type Lang } from './format';

/** The UI language, `fr` or `en`. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'fr';
}

/** A value of an indicator with its decimals and unit symbol (`1 234,5 t`); `—` for none. */
export type ValueFormatter = (value: number | null | undefined, indicator: Indicator) => string;

/** `fmtValue` bound to the UI language and the common catalogue's unit symbols. */
export function useValueFormatter(): ValueFormatter {
  const { t } = useTranslation();
  const lang = useLang();
  return useCallback(
    (value, indicator) =>
      fmtValue(value, indicator.decimals, t(`unitSymbols.${indicator.unit}`), lang),
    [t, lang],
  );
}
