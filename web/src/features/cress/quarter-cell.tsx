import { type PeriodWithCompleteness, quarterCompleteness } from '@ptce/shared/periods.wire';
import type { QuarterQuality, RegionQualityResponse } from '@ptce/shared/quality.schema';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { displayStatus, StatusBadge } from '../../components/status-badge';
import { fmtNumber } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import { QualityScore } from '../quality/quality-score';

interface Props {
  poleSlug: string;
  poleName: string;
  quarterLabel: string;
  state: PeriodWithCompleteness | undefined;
  quality: QuarterQuality | undefined;
  weights: RegionQualityResponse['weights'] | undefined;
  onReopen: () => void;
}

/**
 * One pole × quarter: status, values entered out of expected, the quality score (its parts
 * behind it), the CRESS's reason when sent back, the report, and reopening a validated quarter
 * (submitted ones are validated or sent back from the list above the grid). Buttons are named
 * with the pole and the quarter (`Rouvrir PTCE Hénin-Carvin T3 2026`), unique on the page.
 */
export function QuarterCell({
  poleSlug,
  poleName,
  quarterLabel,
  state,
  quality,
  weights,
  onReopen,
}: Props) {
  const { t } = useTranslation('cress');
  const lang = useLang();
  if (!state) return <td className="cress-cell">—</td>;
  const { filled, expected } = quarterCompleteness(state);
  const names = { pole: poleName, quarter: quarterLabel };
  const counts = {
    count: expected,
    filled: fmtNumber(filled, lang),
    expected: fmtNumber(expected, lang),
  };
  return (
    <td className={`cress-cell cress-cell-${state.status}`}>
      <StatusBadge status={displayStatus(state.status, state.reason, filled)} />
      <span className="cress-count" title={t('filledTitle', counts)}>
        {t('filled', counts)}
      </span>
      {quality && weights && (
        <QualityScore quality={quality} weights={weights} pole={poleName} quarter={quarterLabel} />
      )}
      {state.status === 'draft' && state.reason && (
        <span className="cress-reason">
          {t('reasonPrefix')} {state.reason}
        </span>
      )}
      {state.status !== 'draft' && (
        <span className="cress-actions">
          <Link
            to={`/poles/${encodeURIComponent(poleSlug)}/rapport/${state.period}`}
            aria-label={t('links.reviewOf', names)}
          >
            {t('links.review')}
          </Link>
          {state.status === 'validated' && (
            <button type="button" aria-label={t('actions.reopenOf', names)} onClick={onReopen}>
              {t('actions.reopen')}
            </button>
          )}
        </span>
      )}
    </td>
  );
}
