import type { PeriodWithCompleteness } from '@ptce/shared/periods.schema';
import { useTranslation } from 'react-i18next';
import { displayStatus, StatusBadge } from '../../components/status-badge';

/**
 * The quarter's state above the grid: its badge, the CRESS's reason when sent back, and why
 * the grid is read-only (role, submitted, validated, not started, locked during a save).
 */
export function EntryStatus({
  state,
  scope,
  canEdit,
  future,
  locked,
}: {
  state: PeriodWithCompleteness | undefined;
  scope: string;
  canEdit: boolean;
  future: boolean;
  locked: boolean;
}) {
  const { t } = useTranslation('entry');
  const status = state?.status ?? 'draft';
  const filled = state?.scopes.find((s) => s.scope === scope);
  const readOnly = future
    ? t('future')
    : status === 'submitted'
      ? t('readOnlySubmitted')
      : status === 'validated'
        ? t('readOnlyValidated')
        : !canEdit
          ? t('readOnlyRole')
          : null;
  return (
    <div className="entry-status">
      <p>
        <StatusBadge status={displayStatus(status, state?.reason ?? null, filled?.filled ?? 0)} />
        {filled && (
          <span className="muted">
            {' '}
            {filled.filled}/{filled.expected}
          </span>
        )}
      </p>
      {status === 'draft' && state?.reason && (
        <p className="notice">{t('sentBack', { reason: state.reason })}</p>
      )}
      <div role="status">{readOnly && <p className="notice">{readOnly}</p>}</div>
      {locked && (
        <p role="alert" className="error-box">
          {t('locked')}
        </p>
      )}
    </div>
  );
}
