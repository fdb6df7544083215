import { type PeriodWithCompleteness, quarterCompleteness } from '@ptce/shared/periods.wire';
import { useTranslation } from 'react-i18next';
import { displayStatus, StatusBadge } from '../../components/status-badge';
import { useTransitionText } from '../../components/transition-notice';
import { fmtDate } from '../../lib/format';
import { useLang } from '../../lib/use-lang';

interface Props {
  territory: string;
  state: PeriodWithCompleteness | undefined;
  printedOn: Date;
}

/**
 * The report's facts under its title: territory, quarter status (following the values, with
 * why a draft came back: sent back or reopened, by whom, when, why), completeness, date.
 */
export function ReportHeader({ territory, state, printedOn }: Props) {
  const { t } = useTranslation('report');
  const lang = useLang();
  const { filled, expected } = quarterCompleteness(state);
  const transition = useTransitionText(state, lang);
  return (
    <dl className="report-meta">
      <div>
        <dt>{t('meta.territory')}</dt>
        <dd>{territory}</dd>
      </div>
      <div>
        <dt>{t('meta.status')}</dt>
        <dd>
          <StatusBadge
            status={displayStatus(
              state?.status ?? 'draft',
              state?.reason ?? null,
              filled,
              expected,
            )}
          />
          {transition && <span className="report-transition"> {transition}</span>}
        </dd>
      </div>
      <div>
        <dt>{t('meta.completeness')}</dt>
        <dd>{t('meta.completenessValue', { filled, expected })}</dd>
      </div>
      <div>
        <dt>{t('meta.printedOn')}</dt>
        <dd>{fmtDate(printedOn.toISOString(), lang)}</dd>
      </div>
    </dl>
  );
}
