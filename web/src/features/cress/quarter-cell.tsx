import { actionsFrom } from '@ptce/shared/period-workflow';
import { type PeriodWithCompleteness, quarterCompleteness } from '@ptce/shared/periods.schema';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { displayStatus, StatusBadge } from '../../components/status-badge';
import { fmtNumber } from '../../lib/format';
import { useLang } from '../../lib/use-lang';

export type CressAction = 'validate' | 'sendBack' | 'reopen';

interface Props {
  poleSlug: string;
  poleName: string;
  quarterLabel: string;
  state: PeriodWithCompleteness | undefined;
  validating: boolean;
  onAction: (action: CressAction) => void;
}

/**
 * One pole × quarter: status, values entered out of expected, the CRESS's reason when sent
 * back, and the actions the state allows. Buttons are named with the pole and the quarter
 * (`Valider PTCE Hénin-Carvin T3 2026`) so that each is unique on the page.
 */
export function QuarterCell({
  poleSlug,
  poleName,
  quarterLabel,
  state,
  validating,
  onAction,
}: Props) {
  const { t } = useTranslation('cress');
  const lang = useLang();
  if (!state) return <td className="cress-cell">—</td>;
  const { filled, expected } = quarterCompleteness(state);
  const names = { pole: poleName, quarter: quarterLabel };
  const counts = { filled: fmtNumber(filled, lang), expected: fmtNumber(expected, lang) };
  // Reopening a submitted quarter is sending it back.
  const actions = actionsFrom(state.status);
  return (
    <td className={`cress-cell cress-cell-${state.status}`}>
      <StatusBadge status={displayStatus(state.status, state.reason, filled)} />
      <span className="cress-count" title={t('filledTitle', counts)}>
        {t('filled', counts)}
      </span>
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
          {actions.includes('validate') && (
            <button
              type="button"
              className="primary"
              aria-label={t('actions.validateOf', names)}
              disabled={validating}
              onClick={() => onAction('validate')}
            >
              {validating ? t('actions.validating') : t('actions.validate')}
            </button>
          )}
          {actions.includes('reopen') && state.status === 'submitted' && (
            <button
              type="button"
              aria-label={t('actions.sendBackOf', names)}
              disabled={validating}
              onClick={() => onAction('sendBack')}
            >
              {t('actions.sendBack')}
            </button>
          )}
          {actions.includes('reopen') && state.status === 'validated' && (
            <button
              type="button"
              aria-label={t('actions.reopenOf', names)}
              onClick={() => onAction('reopen')}
            >
              {t('actions.reopen')}
            </button>
          )}
        </span>
      )}
    </td>
  );
}
