import { QuarterSchema } from '@ptce/shared/periods';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { usePole } from '../../api/poles';
import { PageTitle } from '../../components/page-title';
import { QueryState } from '../../components/query-state';
import { fmtQuarter } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import './import.css';
import { ImportSteps } from './import-steps';
import { QuarterPicker } from './quarter-picker';

/** `/poles/{pole}/import/{period}`: the spreadsheet import of a quarter, checked before it runs. */
export function ImportPage() {
  const { t } = useTranslation('import');
  const lang = useLang();
  const { pole = '', period = '' } = useParams();
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
