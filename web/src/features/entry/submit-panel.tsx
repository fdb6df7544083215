import type { PeriodWithCompleteness } from '@ptce/shared/periods.schema';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePeriodAction } from '../../api/periods';
import { ErrorMessage } from '../../components/query-state';
import { fmtQuarter, type Lang } from '../../lib/format';

/**
 * `Soumettre le trimestre`, once everything is saved: asks to confirm (naming the scopes with
 * missing values), then submits the pole's quarter, which locks it.
 */
export function SubmitPanel({
  pole,
  state,
  scopeNames,
  dirty,
  lang,
  onSubmitted,
}: {
  pole: string;
  state: PeriodWithCompleteness;
  scopeNames: Map<string, string>;
  dirty: boolean;
  lang: Lang;
  /** After a successful submission, which removes this panel: where focus goes next. */
  onSubmitted: () => void;
}) {
  const { t } = useTranslation('entry');
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
  const missing = state.scopes
    .filter((s) => s.filled < s.expected)
    .map((s) => `${scopeNames.get(s.scope) ?? s.scope} (${s.filled}/${s.expected})`);
  return (
    <div className="submit-panel">
      {!confirming ? (
        <>
          <button ref={openRef} type="button" disabled={dirty} onClick={() => toggle(true)}>
            {t('submit.button')}
          </button>
          {dirty && <p className="muted small">{t('submit.saveFirst')}</p>}
        </>
      ) : (
        <fieldset className="confirm">
          <legend>{t('submit.confirmTitle', { period: fmtQuarter(state.period, lang) })}</legend>
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
      {action.error && <ErrorMessage error={action.error} />}
    </div>
  );
}
