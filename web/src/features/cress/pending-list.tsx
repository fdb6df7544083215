import { compareQuarters } from '@ptce/shared/periods';
import { type PeriodWithCompleteness, quarterCompleteness } from '@ptce/shared/periods.wire';
import type { PoleSummary } from '@ptce/shared/poles.schema';
import type { QuarterQuality, RegionQualityResponse } from '@ptce/shared/quality.schema';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fmtDate, fmtNumber, fmtQuarter } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import { QualityScore } from '../quality/quality-score';
import type { ReviewAction } from '../review/review-dialog';

export interface PendingQuarter {
  pole: PoleSummary;
  state: PeriodWithCompleteness;
  quality: QuarterQuality | undefined;
}

interface Props {
  items: PendingQuarter[];
  weights: RegionQualityResponse['weights'] | undefined;
  onAction: (pole: PoleSummary, period: string, action: ReviewAction) => void;
}

/** Oldest quarter first, then by pole name. */
export function sortPending(items: PendingQuarter[]): PendingQuarter[] {
  return [...items].sort(
    (a, b) =>
      compareQuarters(a.state.period, b.state.period) || a.pole.name.localeCompare(b.pole.name),
  );
}

/**
 * The quarters awaiting the CRESS, first on its home: each with its report, submission date,
 * values entered, quality score, and the buttons to validate or send it back.
 */
export function PendingList({ items, weights, onAction }: Props) {
  const { t } = useTranslation('cress');
  const lang = useLang();
  const headingId = useId();
  if (items.length === 0) return null;
  return (
    <section aria-labelledby={headingId} className="cress-pending">
      <h2 id={headingId}>{t('pendingTitle')}</h2>
      <ul>
        {items.map(({ pole, state, quality }) => {
          const quarter = fmtQuarter(state.period, lang);
          const names = { pole: pole.name, quarter };
          const { filled, expected } = quarterCompleteness(state);
          const counts = {
            count: expected,
            filled: fmtNumber(filled, lang),
            expected: fmtNumber(expected, lang),
          };
          return (
            <li key={`${pole.slug}-${state.period}`}>
              <Link
                className="cress-pending-name"
                to={`/poles/${encodeURIComponent(pole.slug)}/rapport/${state.period}`}
              >
                {t('pendingItem', names)}
              </Link>
              <span className="muted">
                {t('submittedOn', { date: fmtDate(state.updatedAt, lang) })} ·{' '}
                <span title={t('filledTitle', counts)}>{t('filled', counts)}</span>
              </span>
              {quality && weights && (
                <QualityScore
                  quality={quality}
                  weights={weights}
                  pole={pole.name}
                  quarter={quarter}
                />
              )}
              <span className="cress-actions">
                <button
                  type="button"
                  className="primary"
                  aria-label={t('actions.validateOf', names)}
                  onClick={() => onAction(pole, state.period, 'validate')}
                >
                  {t('actions.validate')}
                </button>
                <button
                  type="button"
                  aria-label={t('actions.sendBackOf', names)}
                  onClick={() => onAction(pole, state.period, 'sendBack')}
                >
                  {t('actions.sendBack')}
                </button>
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
