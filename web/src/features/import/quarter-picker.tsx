import { periodsRange } from '@ptce/shared/default-ranges';
import { compareQuarters, quarterRange } from '@ptce/shared/periods';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { QuarterOptions } from '../../components/quarter-options';

/** Quarters offered for import: those of the quarter list (plus the shown one). */
function importQuarters(period: string, now: Date): string[] {
  const { from, to } = periodsRange(now);
  const list = quarterRange(from, to);
  if (!list.includes(period)) list.push(period);
  return list.sort((a, b) => compareQuarters(b, a));
}

/** The quarter of the import screen; choosing another opens its address. */
export function QuarterPicker({ pole, period }: { pole: string; period: string }) {
  const { t } = useTranslation('import');
  const navigate = useNavigate();
  const id = useId();
  return (
    <div className="quarter-picker">
      <label htmlFor={id}>{t('quarter')}</label>
      <select
        id={id}
        value={period}
        onChange={(e) => navigate(`/poles/${encodeURIComponent(pole)}/import/${e.target.value}`)}
      >
        <QuarterOptions quarters={importQuarters(period, new Date())} />
      </select>
    </div>
  );
}
