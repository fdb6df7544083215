import type { Indicator } from '@ptce/shared/catalogue.schema';
import { statsAt } from '@ptce/shared/figures/indicator-stats';
import { useTranslation } from 'react-i18next';
import { fmtNumber, fmtPercent } from '../../lib/format';
import type { GridContext } from './grid-context';

/**
 * The year's progress towards the scope's target, with what the grid holds now: `45 %` and
 * `1 200 sur 2 700`; the shared statistics' year to date (flows from Q1, a stock's quarter,
 * ratios from their parts). A target of 0 has no share to show: the value is given with it
 * (`3 — objectif : 0`), never `3 sur 0`.
 */
export function TargetProgress({ indicator, ctx }: { indicator: Indicator; ctx: GridContext }) {
  const { t } = useTranslation('entry');
  if (!ctx.targets) return <span className="muted">…</span>;
  const target = ctx.targets.get(indicator.code);
  if (target === undefined) return <span className="muted small">{t('noTarget')}</span>;
  const s = statsAt(ctx.figures, ctx.scope, indicator, ctx.period, () => target);
  const targetText = fmtNumber(target, ctx.lang, indicator.decimals);
  if (s.ytd === null)
    return <span className="muted small">{t('targetOnly', { target: targetText })}</span>;
  if (target === 0)
    return (
      <span className="muted small">
        {t('progressZeroTarget', {
          done: fmtNumber(s.ytd, ctx.lang, indicator.decimals),
          target: targetText,
        })}
      </span>
    );
  return (
    <span className="progress">
      <span className="progress-pct">
        {fmtPercent(s.progress === null ? null : s.progress * 100, ctx.lang)}
      </span>{' '}
      <span className="muted small">
        {t('progress', {
          done: fmtNumber(s.ytd, ctx.lang, indicator.decimals),
          target: targetText,
        })}
      </span>
    </span>
  );
}
