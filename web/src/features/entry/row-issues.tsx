import { OVERRIDE_REASON_LENGTH } from '@ptce/shared/values.schema';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { RowIssue } from './entry-rules';

export interface RowIssuesProps {
  id: string;
  label: string;
  issues: RowIssue[];
  server: string[];
  commentNeedsValue: boolean;
  /** The reason saved with the stored total, if any. */
  storedReason: string | null;
  /** The reason box, shown for a row with a rule error when editable. */
  reason: { text: string; onChange: (text: string) => void } | null;
}

/**
 * Under a row: what is wrong with it (a comment without a value, rule errors and warnings as the
 * user types, the server's refusals) and, for a rule error, the override reason box.
 * Errors are announced (role="alert"), warnings politely.
 */
export function RowIssues(p: RowIssuesProps) {
  const { t } = useTranslation('entry');
  const reasonId = useId();
  const helpId = useId();
  const errors = p.issues.filter((i) => i.severity === 'error');
  const warnings = p.issues.filter((i) => i.severity === 'warning');
  const blocking = [...(p.commentNeedsValue ? [t('commentNeedsValue')] : []), ...p.server];
  return (
    <div id={p.id} className="row-issues">
      <div role="alert">
        {(blocking.length > 0 || errors.length > 0) && (
          <ul className="issues issues-error">
            {blocking.map((m) => (
              <li key={m}>{m}</li>
            ))}
            {errors.map((i) => (
              <li key={i.id} className={i.overridden ? 'overridden' : undefined}>
                <strong>
                  {t('error')} {i.rule}
                  {i.overridden ? ` (${t('overridden')})` : ''}
                </strong>
                {t('sep')}
                {i.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      <div role="status">
        {warnings.length > 0 && (
          <ul className="issues issues-warning">
            {warnings.map((i) => (
              <li key={i.id}>
                <strong>
                  {t('warning')} {i.rule}
                </strong>
                {t('sep')}
                {i.message}
              </li>
            ))}
          </ul>
        )}
      </div>
      {p.storedReason && (
        <p className="muted small">{t('storedReason', { reason: p.storedReason })}</p>
      )}
      {p.reason && (
        <div className="reason">
          <label htmlFor={reasonId}>{t('reasonLabel', { label: p.label })}</label>
          <textarea
            id={reasonId}
            rows={2}
            value={p.reason.text}
            aria-describedby={helpId}
            onChange={(e) => p.reason?.onChange(e.target.value)}
          />
          <p id={helpId} className="muted small">
            {t('reasonHelp', { min: OVERRIDE_REASON_LENGTH.min })}
          </p>
        </div>
      )}
    </div>
  );
}
