import { PERIOD_STATUSES, type PeriodStatus } from '@ptce/shared/periods.wire';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/** The quarter states an export keeps, as check boxes (the app's words: Validé, Soumis…). */
export function StatusFilter({
  value,
  onChange,
}: {
  value: PeriodStatus[];
  onChange: (statuses: PeriodStatus[]) => void;
}) {
  const { t } = useTranslation('exports');
  const id = useId();
  const checked = new Set(value);
  const toggle = (status: PeriodStatus, on: boolean) =>
    onChange(PERIOD_STATUSES.filter((s) => (s === status ? on : checked.has(s))));
  // Validated first: the state a CRESS exports.
  const order: PeriodStatus[] = ['validated', 'submitted', 'draft'];
  return (
    <fieldset className="status-filter" aria-describedby={`${id}-hint`}>
      <legend>{t('statuses.legend')}</legend>
      <p id={`${id}-hint`} className="hint" aria-live="polite">
        {checked.size === 0 ? t('statuses.none') : t('statuses.hint')}
      </p>
      <ul className="status-checks">
        {order.map((s) => (
          <li key={s}>
            <input
              type="checkbox"
              id={`${id}-${s}`}
              checked={checked.has(s)}
              onChange={(e) => toggle(s, e.target.checked)}
            />
            <label htmlFor={`${id}-${s}`}>{t(`status.${s}`)}</label>
          </li>
        ))}
      </ul>
    </fieldset>
  );
}
