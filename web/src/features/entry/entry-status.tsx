import type { PeriodWithCompleteness } from '@ptce/shared/periods.schema';
import { useTranslation } from 'react-i18next';
import { displayStatus, StatusBadge } from '../../components/status-badge';
import { TransitionNotice } from '../../components/transition-notice';
import type { Lang } from '../../lib/format';

/**
 * The quarter's state above the grid: its badge (following the values: a sent-back scope with
 * every value entered is a draft again), why it came back (sent back or reopened, by whom, when,
 * why), and why the grid is read-only (role, submitted, validated, not started, locked during a
 * save).
 */
export function EntryStatus({
  state,
  lang,
  scope,
  canEdit,
  future,
  locked,
}: {
  state: PeriodWithCompleteness | undefined;
  lang: Lang;
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
        <StatusBadge
          status={displayStatus(
            status,
            state?.reason ?? null,
            filled?.filled ?? 0,
            filled?.expected,
          )}
        />
        {filled && (
          <span className="muted">
            {' '}
            {filled.filled}/{filled.expected}
          </span>
        )}
      </p>
      <TransitionNotice state={state} lang={lang} />
      <div role="status">{readOnly && <p className="notice">{readOnly}</p>}</div>
      {locked && (
        <p role="alert" className="error-box">
          {t('locked')}
        </p>
      )}
    </div>
  );
}
