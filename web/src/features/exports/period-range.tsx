import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { QuarterOptions } from '../../components/quarter-options';

/** Two quarter lists, "Du" and "Au", shown `T2 2025`. */
export function PeriodRange({
  from,
  to,
  options,
  onChange,
}: {
  from: string;
  to: string;
  options: string[];
  onChange: (which: 'from' | 'to', quarter: string) => void;
}) {
  const { t } = useTranslation('exports');
  const id = useId();
  const list = (which: 'from' | 'to', value: string) => (
    <div className="field">
      <label htmlFor={`${id}-${which}`}>{t(`period.${which}`)}</label>
      <select id={`${id}-${which}`} value={value} onChange={(e) => onChange(which, e.target.value)}>
        <QuarterOptions quarters={options} />
      </select>
    </div>
  );
  return (
    <fieldset className="period-range">
      <legend>{t('period.legend')}</legend>
      {list('from', from)}
      {list('to', to)}
    </fieldset>
  );
}
