import type { Indicator } from '@ptce/shared/catalogue.schema';
import type { LatestStats } from '@ptce/shared/figures/indicator-stats';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Sparkline } from '../../components/sparkline';
import { fmtChange, fmtPercent, fmtQuarter, labelIn } from '../../lib/format';
import { useLang, useValueFormatter } from '../../lib/use-lang';

interface Props {
  ref?: Ref<HTMLButtonElement>;
  indicator: Indicator;
  stats: LatestStats;
  open: boolean;
  /** The id of the open trend panel, for aria-controls. */
  panelId: string;
  onToggle: () => void;
  /** No target line nor bar (where targets do not exist). */
  hideTarget?: boolean;
}

/** A button summing up one indicator: latest value, change on last year, target, sparkline. */
export function IndicatorTile({
  ref,
  indicator,
  stats,
  open,
  panelId,
  onToggle,
  hideTarget,
}: Props) {
  const { t } = useTranslation('dashboard');
  const lang = useLang();
  const fmt = useValueFormatter();
  const { latest, year, target } = stats;
  const pct = latest?.progress == null ? null : Math.round(latest.progress * 100);

  return (
    <button
      ref={ref}
      type="button"
      className={`tile${open ? ' tile-open' : ''}`}
      aria-expanded={open}
      aria-controls={open ? panelId : undefined}
      onClick={onToggle}
    >
      <span className="tile-label">{labelIn(indicator, lang)}</span>
      {latest ? (
        <span className="tile-value">
          <strong>{fmt(latest.value, indicator)}</strong>{' '}
          <span className="muted">{fmtQuarter(latest.period, lang)}</span>
        </span>
      ) : (
        <span className="tile-value muted">{t('tile.noValue')}</span>
      )}
      {latest?.lastYear.period && (
        <span className="tile-change">
          {latest.change
            ? t('tile.vsLastYear', {
                change: fmtChange(latest.change, lang, t('points', { ns: 'common' })),
                period: fmtQuarter(latest.lastYear.period!, lang),
              })
            : t(latest.lastYear.value === 0 ? 'tile.zeroBase' : 'tile.noComparison', {
                period: fmtQuarter(latest.lastYear.period!, lang),
              })}
        </span>
      )}
      {!hideTarget && (
        <>
          <span className="tile-target">
            {target === null
              ? t('tile.noTarget', { year })
              : t(pct === null ? 'tile.targetNoRatio' : 'tile.target', {
                  year,
                  pct: fmtPercent(pct, lang),
                  ytd: fmt(latest?.ytd, indicator),
                  target: fmt(target, indicator),
                })}
          </span>
          <span className="tile-bar" aria-hidden="true">
            <span style={{ width: `${Math.max(0, Math.min(100, pct ?? 0))}%` }} />
          </span>
        </>
      )}
      <Sparkline
        className="sparkline"
        values={stats.spark}
        width={200}
        height={32}
        pad={3}
        stretch
      />
    </button>
  );
}
