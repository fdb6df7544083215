import type { Indicator } from '@ptce/shared/catalogue.schema';
import { useTranslation } from 'react-i18next';
import { fmtNumber } from '../../lib/format';
import { yearToDate } from './entry-progress';
import type { GridContext } from './grid-context';

/**
 * The year's progress towards the scope's target, with what the grid holds now: `45 %` and
 * `1 200 sur 2 700`; flows count the year to date, stocks the quarter, ratios their parts.
 */
export function TargetProgress({ indicator, ctx }: { indicator: Indicator; ctx: GridContext }) {
  const { t } = useTranslation('entry');
  if (!ctx.targets) return <span className="muted">…</span>;
  const target = ctx.targets.get(indicator.code);
  if (target === undefined) return <span className="muted small">{t('noTarget')}</span>;
  const done = yearToDate(indicator, ctx.byCode, ctx.lookup, ctx.period);
  const targetText = fmtNumber(target, ctx.lang, indicator.decimals);
  if (done === null)
    return <span className="muted small">{t('targetOnly', { target: targetText })}</span>;
  const pct = done !== null && target > 0 ? (done / target) * 100 : null;
  const pctText =
    pct === null ? '—' : `${fmtNumber(pct, ctx.lang, 0)}${ctx.lang === 'fr' ? '\u202f%' : '%'}`;
  return (
    <span className="progress">
      <span className="progress-pct">{pctText}</span>{' '}
      <span className="muted small">
        {t('progress', {
          done: fmtNumber(done, ctx.lang, indicator.decimals),
          target: targetText,
        })}
      </span>
    </span>
  );
}
