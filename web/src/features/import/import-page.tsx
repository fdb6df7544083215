import { QuarterSchema } from '@ptce/shared/periods';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams } from 'react-router';
import { usePeriods } from '../../api/periods';
import { usePole } from '../../api/poles';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { fmtQuarter } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import './import.css';
import { defaultImportQuarter } from './import-quarter';
import { ImportSteps } from './import-steps';
import { QuarterPicker } from './quarter-picker';

/**
 * `/poles/{pole}/import/{period}`: the spreadsheet import of a quarter, checked before it runs.
 * `/poles/{pole}/import` (the menu's link) opens on the latest quarter that can still be changed.
 */
export function ImportPage() {
  const { period } = useParams();
  return period === undefined ? <DefaultQuarter /> : <QuarterImport period={period} />;
}

function DefaultQuarter() {
  const { pole = '' } = useParams();
  const periodsQ = usePeriods(pole);
  return (
    <QueryState query={periodsQ} minHeight="20rem">
      {(periods) => (
        <Navigate
          replace
          to={`/poles/${encodeURIComponent(pole)}/import/${defaultImportQuarter(periods, new Date())}`}
        />
      )}
    </QueryState>
  );
}

function QuarterImport({ period }: { period: string }) {
  const { t } = useTranslation('import');
  const lang = useLang();
  const { pole = '' } = useParams();
  const poleQ = usePole(pole);
  if (!QuarterSchema.safeParse(period).success) return <PageTitle text={t('invalidPeriod')} />;
  return (
    <div className="import-page">
      <PageTitle text={t('title', { period: fmtQuarter(period, lang) })} />
      <p>{t('intro')}</p>
      <QuarterPicker pole={pole} period={period} />
      <QueryState query={poleQ} minHeight="20rem">
        {(detail) => <ImportSteps key={period} pole={detail} period={period} />}
      </QueryState>
    </div>
  );
}
