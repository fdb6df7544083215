import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { PageTitle } from '../components/page-title';

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageTitle text={t('notFound.title')} />
      <p>
        <Link to="/">{t('notFound.back')}</Link>
      </p>
    </>
  );
}
