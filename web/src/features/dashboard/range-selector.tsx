import type { Quarter } from '@ptce/shared/domain.types';
import { compareQuarters, quarterRange } from '@ptce/shared/periods';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { QuarterOptions } from '../../components/quarter-options';
import { periodsWindow } from './completeness';

interface Props {
  from: Quarter;
  to: Quarter;
  onChange: (from: Quarter, to: Quarter) => void;
  now: Date;
}

/** Two quarter lists, "Du" and "Au"; choosing past the other end moves that end along. */
export function RangeSelector({ from, to, onChange, now }: Props) {
  const { t } = useTranslation('dashboard');
  const fromId = useId();
  const toId = useId();
  const window = periodsWindow(now);
  const start = compareQuarters(from, window.from) < 0 ? from : window.from;
  const end = compareQuarters(to, window.to) > 0 ? to : window.to;
  const options = quarterRange(start, end).reverse();

  const pick = (which: 'from' | 'to', q: Quarter) => {
    if (which === 'from') onChange(q, compareQuarters(q, to) > 0 ? q : to);
    else onChange(compareQuarters(q, from) < 0 ? q : from, q);
  };

  return (
    <fieldset className="range-selector">
      <legend>{t('range.legend')}</legend>
      <label htmlFor={fromId}>{t('range.from')}</label>
      <select id={fromId} value={from} onChange={(e) => pick('from', e.target.value)}>
        <QuarterOptions quarters={options} />
      </select>
      <label htmlFor={toId}>{t('range.to')}</label>
      <select id={toId} value={to} onChange={(e) => pick('to', e.target.value)}>
        <QuarterOptions quarters={options} />
      </select>
    </fieldset>
  );
}
