import { issuesOf, RuleViolationIssueSchema } from '@ptce/shared/error-issues.schema';
import type { PeriodWithCompleteness } from '@ptce/shared/periods.schema';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { usePeriodAction } from '../api/periods';
import { ApiError } from '../lib/api-client';
import { fmtQuarter, type Lang } from '../lib/format';
import { ErrorMessage } from './query-state';
import './submit-panel.css';

/**
 * Submitting a pole's quarter, from its grid or from Mon trimestre: a button, then a
 * confirmation (naming the scopes with missing values); focus follows the swap and comes back
 * to the button on cancel. A refusal for rule errors says each one, with a link to the grid
 * of its scope. After a submission, which removes this panel, `onSubmitted` says where focus goes.
 */
export function SubmitPanel({
  pole,
  state,
  scopeNames,
  dirty = false,
  lang,
  named = false,
  onSubmitted,
}: {
  pole: string;
  state: PeriodWithCompleteness;
  scopeNames: Map<string, string>;
  /** Unsaved changes on the screen: submitting waits for them. */
  dirty?: boolean;
  lang: Lang;
  /** The button names its quarter (a page with several quarters). */
  named?: boolean;
  onSubmitted: () => void;
}) {
  const { t } = useTranslation('workflow');
  const [confirming, setConfirming] = useState(false);
  const action = usePeriodAction(pole);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const moved = useRef(false);
  // Focus follows the swap between the button and its confirmation.
  useEffect(() => {
    if (!moved.current) return;
    (confirming ? confirmRef : openRef).current?.focus();
  }, [confirming]);
  const toggle = (next: boolean) => {
    moved.current = true;
    setConfirming(next);
  };
  const period = fmtQuarter(state.period, lang);
  const nameOf = (scope: string) => scopeNames.get(scope) ?? scope;
  const missing = state.scopes
    .filter((s) => s.filled < s.expected)
    .map((s) => `${nameOf(s.scope)} (${s.filled}/${s.expected})`);
  const refused =
    action.error instanceof ApiError && action.error.code === 'RULE_VIOLATION'
      ? issuesOf(RuleViolationIssueSchema, action.error.issues)
      : [];
  return (
    <div className="submit-panel">
      {!confirming ? (
        <>
          <button ref={openRef} type="button" disabled={dirty} onClick={() => toggle(true)}>
            {named ? t('submit.buttonOf', { period }) : t('submit.button')}
          </button>
          {dirty && <p className="muted small">{t('submit.saveFirst')}</p>}
        </>
      ) : (
        <fieldset className="confirm">
          <legend>{t('submit.confirmTitle', { period })}</legend>
          <p>{t('submit.confirmText')}</p>
          {missing.length > 0 && (
            <p className="notice">{t('submit.missing', { list: missing.join(', ') })}</p>
          )}
          <div className="actions">
            <button
              ref={confirmRef}
              type="button"
              className="primary"
              disabled={action.isPending || dirty}
              onClick={() =>
                action.mutate(
                  { period: state.period, action: 'submit' },
                  {
                    onSuccess: () => {
                      moved.current = false;
                      setConfirming(false);
                      onSubmitted();
                    },
                    // The refusal below says why; focus goes back to the button.
                    onError: () => toggle(false),
                  },
                )
              }
            >
              {t('submit.confirm')}
            </button>
            <button type="button" onClick={() => toggle(false)}>
              {t('submit.cancel')}
            </button>
          </div>
        </fieldset>
      )}
      {refused.length > 0 ? (
        <div role="alert" className="error-box">
          <p>{(action.error as ApiError).message}</p>
          <ul>
            {refused.map((r) => (
              <li key={`${r.rule}|${r.scope}|${r.slice}|${r.subject ?? ''}`}>
                {t('submit.refusedRule', {
                  rule: r.rule,
                  scope: nameOf(r.scope),
                  message: r.message,
                })}{' '}
                <Link to={`/poles/${pole}/saisie/${state.period}/${r.scope}`}>
                  {t('submit.openGrid', { scope: nameOf(r.scope) })}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        action.error && <ErrorMessage error={action.error} />
      )}
    </div>
  );
}
