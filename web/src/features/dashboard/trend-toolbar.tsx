import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { Step } from './chart-data';

interface Props {
  by: Step;
  onStep: (by: Step) => void;
  showTable: boolean;
  tableId: string;
  onToggleTable: () => void;
  onDownload: (format: 'png' | 'svg') => void;
  busy: boolean;
}

/** The trend's controls: time step (radio group), data table toggle, downloads. */
export function TrendToolbar({
  by,
  onStep,
  showTable,
  tableId,
  onToggleTable,
  onDownload,
  busy,
}: Props) {
  const { t } = useTranslation('dashboard');
  const name = useId();
  return (
    <div className="trend-toolbar no-print">
      <fieldset className="segmented">
        <legend>{t('trend.step')}</legend>
        {(['quarter', 'year'] as const).map((step) => (
          <label key={step}>
            <input
              type="radio"
              name={name}
              value={step}
              checked={by === step}
              onChange={() => onStep(step)}
            />
            {t(step === 'quarter' ? 'trend.byQuarter' : 'trend.byYear')}
          </label>
        ))}
      </fieldset>
      <button
        type="button"
        aria-expanded={showTable}
        aria-controls={showTable ? tableId : undefined}
        onClick={onToggleTable}
      >
        {t('trend.showTable')}
      </button>
      <button type="button" onClick={() => onDownload('png')} disabled={busy}>
        {t('trend.png')}
      </button>
      <button type="button" onClick={() => onDownload('svg')} disabled={busy}>
        {t('trend.svg')}
      </button>
    </div>
  );
}
