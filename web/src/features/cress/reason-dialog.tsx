import { REASON_MIN_LENGTH } from '@ptce/shared/periods.schema';
import { type FormEvent, type KeyboardEvent, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/query-state';

interface Props {
  title: string;
  text: string;
  pending: boolean;
  error: unknown;
  onConfirm: (reason: string) => void;
  onCancel: () => void;
}

/**
 * A modal asking for a written reason (send back, reopen). Focus starts in the `Motif` box,
 * stays inside the dialog (Tab cycles), Escape cancels; the opener gets focus back.
 */
export function ReasonDialog({ title, text, pending, error, onConfirm, onCancel }: Props) {
  const { t } = useTranslation('cress');
  const [reason, setReason] = useState('');
  const [tooShort, setTooShort] = useState(false);
  const titleId = useId();
  const textId = useId();
  const fieldId = useId();
  const helpId = useId();
  const errorId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  const fieldRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const opener = document.activeElement as HTMLElement | null;
    fieldRef.current?.focus();
    return () => opener?.focus?.();
  }, []);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape' && !pending) {
      e.stopPropagation();
      onCancel();
    }
    if (e.key !== 'Tab') return;
    const focusable = dialogRef.current?.querySelectorAll<HTMLElement>(
      'textarea, button:not([disabled]), [href]',
    );
    if (!focusable || focusable.length === 0) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

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
    <div className="cress-backdrop">
      <div
        ref={dialogRef}
        role="dialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={textId}
        className="cress-dialog"
        onKeyDown={onKeyDown}
      >
        <h2 id={titleId}>{title}</h2>
        <p id={textId}>{text}</p>
        <form onSubmit={onSubmit} className="stack" noValidate>
          <label htmlFor={fieldId}>{t('dialog.reason')}</label>
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
              if (tooShort && e.target.value.trim().length >= REASON_MIN_LENGTH) setTooShort(false);
            }}
          />
          <p id={helpId} className="field-help">
            {t('dialog.reasonHelp', { min: REASON_MIN_LENGTH })}
          </p>
          {tooShort && (
            <p id={errorId} className="field-error">
              {t('dialog.reasonTooShort', { min: REASON_MIN_LENGTH })}
            </p>
          )}
          {error ? <ErrorMessage error={error} /> : null}
          <div className="cress-dialog-actions">
            <button type="submit" className="primary" disabled={pending}>
              {pending ? t('dialog.sending') : t('dialog.confirm')}
            </button>
            <button type="button" onClick={onCancel} disabled={pending}>
              {t('dialog.cancel')}
            </button>
          </div>
        </form>
      </div>
    </div>
  );
}
