import type { Quarter } from '@ptce/shared/domain.types';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { QuarterOptions } from '../../components/quarter-options';

interface Props {
  period: Quarter | null;
  quarters: readonly Quarter[];
  onPick: (period: Quarter) => void;
}

/** The quarter picker and the print button; neither is printed. */
export function ReportToolbar({ period, quarters, onPick }: Props) {
  const { t } = useTranslation('report');
  const id = useId();
  const options = period && !quarters.includes(period) ? [period, ...quarters] : quarters;
  return (
    <div className="report-toolbar no-print">
      <label htmlFor={id}>{t('quarter')}</label>
      <select id={id} value={period ?? ''} onChange={(e) => onPick(e.target.value)}>
        {period === null && <option value="" />}
        <QuarterOptions quarters={options} />
      </select>
      <button type="button" className="primary" onClick={() => window.print()}>
        {t('print')}
      </button>
    </div>
  );
}
