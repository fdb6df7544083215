import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CopyButton } from './copy-button';

/** The secret of a token just created: shown this once, selectable, with a copy button. */
export function TokenSecret({
  name,
  secret,
  onDismiss,
}: {
  name: string;
  secret: string;
  onDismiss: () => void;
}) {
  const { t } = useTranslation('admin');
  const titleId = useId();
  const fieldId = useId();
  const warningId = useId();
  const fieldRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    fieldRef.current?.focus();
    fieldRef.current?.select();
  }, []);

  return (
    <section className="admin-secret" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('tokens.secretTitle', { name })}</h3>
      <p id={warningId} className="notice">
        {t('tokens.secretWarning')}
      </p>
      <label htmlFor={fieldId}>{t('tokens.secret')}</label>
      <div className="admin-field-row">
        <input
          ref={fieldRef}
          id={fieldId}
          readOnly
          value={secret}
          aria-describedby={warningId}
          spellCheck={false}
          className="admin-secret-value"
        />
        <CopyButton
          text={secret}
          label={t('tokens.copy')}
          done={t('tokens.copied')}
          failed={t('tokens.copyFailed')}
        />
      </div>
      <button type="button" onClick={onDismiss}>
        {t('tokens.dismiss')}
      </button>
    </section>
  );
}
