import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { ApiError } from '../../lib/api-client';
import './entry.css';
import { EntryScreen } from './entry-screen';
import { useEntryData } from './use-entry-data';

function NotFound() {
  const { t } = useTranslation('entry');
  return <PageTitle text={t('notFound')} />;
}

/**
 * `/poles/{pole}/saisie/{period}/{scope}`: the entry grid of one scope for one quarter.
 * The grid is keyed by address so a draft never leaks from one scope or quarter to another.
 */
export function EntryPage() {
  const { pole = '', period = '', scope = '' } = useParams();
  const data = useEntryData(pole, period, scope);
  if (!data.valid) return <NotFound />;
  if (data.error instanceof ApiError && data.error.status === 404) return <NotFound />;
  return (
    <QueryState query={data} minHeight="60vh">
      {(d) => {
        const found = d.pole.scopes.find((s) => s.slug === scope);
        if (!found) return <NotFound />;
        return (
          <EntryScreen key={`${pole}/${period}/${scope}`} data={d} scope={found} period={period} />
        );
      }}
    </QueryState>
  );
}
