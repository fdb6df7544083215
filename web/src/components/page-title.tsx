import { type ReactNode, useEffect } from 'react';
import { useTranslation } from 'react-i18next';

/** The page's one <h1>, also written in the browser tab. */
export function PageTitle({ children, text }: { children?: ReactNode; text: string }) {
  const { t } = useTranslation();
  useEffect(() => {
    document.title = `${text} · ${t('appName')}`;
  }, [text, t]);
  return <h1>{children ?? text}</h1>;
}
