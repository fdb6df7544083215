import type { Indicator } from '@ptce/shared/catalogue.schema';
import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Sparkline } from '../../components/sparkline';
import { fmtChange, fmtPercent, fmtQuarter, labelIn } from '../../lib/format';
import { useLang, useValueFormatter } from '../../lib/use-lang';
import type { TileStats } from './tile-stats';

interface Props {
  ref?: Ref<HTMLButtonElement>;
  indicator: Indicator;
  stats: TileStats;
  open: boolean;
  /** The id of the open trend panel, for aria-controls. */
  panelId: string;
  onToggle: () => void;
}

/** A button summing up one indicator: latest value, change on last year, target, sparkline. */
export function IndicatorTile({ ref, indicator, stats, open, panelId, onToggle }: Props) {
  const { t } = useTranslation('dashboard');
  const lang = useLang();
  const fmt = useValueFormatter();
  const { latest, lastYear, change, progress } = stats;
  const pct = progress.ratio === null ? null : Math.round(progress.ratio * 100);

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
      {lastYear && (
        <span className="tile-change">
          {change
            ? t('tile.vsLastYear', {
                change: fmtChange(change, lang, t('points', { ns: 'common' })),
                period: fmtQuarter(lastYear.period, lang),
              })
            : t(lastYear.value === 0 ? 'tile.zeroBase' : 'tile.noComparison', {
                period: fmtQuarter(lastYear.period, lang),
              })}
        </span>
      )}
      <span className="tile-target">
        {progress.target === null
          ? t('tile.noTarget', { year: progress.year })
          : t(pct === null ? 'tile.targetNoRatio' : 'tile.target', {
              year: progress.year,
              pct: fmtPercent(pct, lang),
              ytd: fmt(progress.ytd, indicator),
              target: fmt(progress.target, indicator),
            })}
      </span>
      <span className="tile-bar" aria-hidden="true">
        <span style={{ width: `${Math.max(0, Math.min(100, pct ?? 0))}%` }} />
      </span>
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
