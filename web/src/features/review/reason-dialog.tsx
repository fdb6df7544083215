import { REASON_MIN_LENGTH } from '@ptce/shared/periods.wire';
import { type FormEvent, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/query-state';
import { ModalDialog } from './modal-dialog';

interface Props {
  title: string;
  text: string;
  pending: boolean;
  error: unknown;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/** A modal asking for a written reason (send back, reopen); focus starts in the `Motif` box. */
export function ReasonDialog({ title, text, pending, error, onConfirm, onCancel }: Props) {
  const { t } = useTranslation('review');
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const fieldId = useId();
  const helpId = useId();
  const errorId = useId();
  const fieldRef = useRef<HTMLTextAreaElement>(null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const trimmed = reason.trim();
    if (trimmed.length < REASON_MIN_LENGTH) {
      setTooShort(true);
      fieldRef.current?.focus();
      return;
    }
    onConfirm(trimmed);
  };

  return (
    <ModalDialog title={title} initialFocus={fieldRef} busy={pending} onCancel={onCancel}>
      {({ textId }) => (
        <>
          <p id={textId}>{text}</p>
          <form onSubmit={onSubmit} className="stack" noValidate>
            <label htmlFor={fieldId}>{t('reason')}</label>
            <textarea
              ref={fieldRef}
              id={fieldId}
              rows={4}
              maxLength={2000}
              required
              value={reason}
              aria-invalid={tooShort || undefined}
              aria-describedby={tooShort ? `${errorId} ${helpId}` : helpId}
              onChange={(e) => {
                setReason(e.target.value);
                if (tooShort && e.target.value.trim().length >= REASON_MIN_LENGTH)
                  setTooShort(false);
              }}
            />
            <p id={helpId} className="field-help">
              {t('reasonHelp', { min: REASON_MIN_LENGTH })}
            </p>
            {tooShort && (
              <p id={errorId} className="field-error">
                {t('reasonTooShort', { min: REASON_MIN_LENGTH })}
              </p>
            )}
            {error ? <ErrorMessage error={error} /> : null}
            <div className="review-dialog-actions">
              <button type="submit" className="primary" disabled={pending}>
                {pending ? t('sending') : t('confirm')}
              </button>
              <button type="button" onClick={onCancel} disabled={pending}>
                {t('cancel')}
              </button>
            </div>
          </form>
        </>
      )}
    </ModalDialog>
  );
}
