import { useTranslation } from 'react-i18next';
import type { Lang } from './format';

/** The UI language, `fr` or `en`. */
export function useLang(): Lang {
  const { i18n } = useTranslation();
  return i18n.language === 'en' ? 'en' : 'fr';
}
