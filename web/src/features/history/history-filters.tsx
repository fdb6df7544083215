import type { Catalogue } from '@ptce/shared/catalogue.schema';
import type { Scope } from '@ptce/shared/poles.schema';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { HistoryFilter } from '../../api/history';
import { QuarterOptions } from '../../components/quarter-options';
import type { HistoryLabels } from './history-labels';

const ALL = '*';

/**
 * The history's filters, kept in the address: scope, indicator (those the scope tracks),
 * quarter and breakdown (once an indicator is chosen; `Total` is the total only).
 */
export function HistoryFilters({
  filter,
  onChange,
  scopes,
  catalogue,
  quarters,
  labels,
}: {
  filter: HistoryFilter;
  onChange: (next: HistoryFilter) => void;
  scopes: Scope[];
  catalogue: Catalogue;
  quarters: string[];
  labels: HistoryLabels;
}) {
  const { t } = useTranslation('history');
  const id = useId();
  const entered = new Set(
    catalogue.indicators.filter((i) => i.kind !== 'ratio').map((i) => i.code),
  );
  const tracked = (filter.scope ? scopes.filter((s) => s.slug === filter.scope) : scopes)
    .flatMap((s) => s.indicators)
    .filter((code, i, all) => entered.has(code) && all.indexOf(code) === i);
  const set = (patch: HistoryFilter) => {
    const next = { ...filter, ...patch };
    for (const k of Object.keys(next) as Array<keyof HistoryFilter>)
      if (next[k] === undefined) delete next[k];
    onChange(next);
  };
  const read = (v: string) => (v === ALL ? undefined : v);
  return (
    <search className="history-filters" aria-label={t('filters')}>
      <div>
        <label htmlFor={`${id}-scope`}>{t('scope')}</label>
        <select
          id={`${id}-scope`}
          value={filter.scope ?? ALL}
          onChange={(e) => {
            const scope = read(e.target.value);
            const keeps =
              !scope ||
              scopes.find((s) => s.slug === scope)?.indicators.includes(filter.indicator ?? '');
            set(keeps ? { scope } : { scope, indicator: undefined, slice: undefined });
          }}
        >
          <option value={ALL}>{t('all')}</option>
          {scopes.map((s) => (
            <option key={s.slug} value={s.slug}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-indicator`}>{t('indicator')}</label>
        <select
          id={`${id}-indicator`}
          value={filter.indicator ?? ALL}
          onChange={(e) => set({ indicator: read(e.target.value), slice: undefined })}
        >
          <option value={ALL}>{t('all')}</option>
          {tracked.map((code) => (
            <option key={code} value={code}>
              {labels.indicator(code)}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${id}-period`}>{t('period')}</label>
        <select
          id={`${id}-period`}
          value={filter.period ?? ALL}
          onChange={(e) => set({ period: read(e.target.value) })}
        >
          <option value={ALL}>{t('all')}</option>
          <QuarterOptions quarters={quarters} />
        </select>
      </div>
      {filter.indicator && (
        <div>
          <label htmlFor={`${id}-slice`}>{t('slice')}</label>
          <select
            id={`${id}-slice`}
            value={filter.slice ?? ALL}
            onChange={(e) => set({ slice: read(e.target.value) })}
          >
            <option value={ALL}>{t('allSlices')}</option>
            {labels.slicesOf(filter.indicator).map((s) => (
              <option key={s} value={s}>
                {s === '' ? t('total') : labels.slice(s)}
              </option>
            ))}
          </select>
        </div>
      )}
      <button type="button" onClick={() => onChange({})}>
        {t('reset')}
      </button>
    </search>
  );
}
