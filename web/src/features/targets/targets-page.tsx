import { MAX_YEAR, MIN_YEAR } from '@ptce/shared/periods';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { useLang } from '../../lib/use-lang';
import './targets.css';
import { TargetsForm } from './targets-form';
import { useTargetsData } from './use-targets-data';
import { YearNav } from './year-nav';

/** `/poles/{pole}/objectifs/{year}`: the year's targets per scope and indicator. */
export function TargetsPage() {
  const { t } = useTranslation('targets');
  const lang = useLang();
  const { pole = '', year: yearText = '' } = useParams();
  const year = /^\d{4}$/.test(yearText) ? Number(yearText) : Number.NaN;
  const valid = year >= MIN_YEAR && year <= MAX_YEAR;
  const safeYear = valid ? year : MIN_YEAR + 1;
  const query = useTargetsData(pole, safeYear);
  if (!valid) return <PageTitle text={t('invalidYear')} />;
  return (
    <div className="targets-page">
      <PageTitle text={t('title', { year })} />
      <YearNav pole={pole} year={year} />
      <QueryState query={query} minHeight="40rem">
        {(d) => (
          <>
            <p>{t('intro')}</p>
            {!d.pole.roles.includes('coordinator') && <p className="notice">{t('readOnly')}</p>}
            <TargetsForm
              key={year}
              pole={d.pole}
              catalogue={d.catalogue}
              year={year}
              targets={d.targets}
              lastYear={d.lastYear}
              lang={lang}
            />
          </>
        )}
      </QueryState>
    </div>
  );
}
