import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from './query-state';

interface Props {
  label: string;
  pending: boolean;
  /** What waits to be saved, or what the last save did (a polite status). */
  status: string;
  /** A failed save: shown with the reassurance that nothing was saved and the input is kept. */
  error: unknown;
  /** Called by the button; without it the button submits the form around the bar. */
  onSave?: () => void;
  /** Shown between the status and the error: warnings, a problem to fix first. */
  children?: ReactNode;
}

/** A form's save button and status, kept in view at the bottom of the window. */
export function SaveBar({ label, pending, status, error, onSave, children }: Props) {
  const { t } = useTranslation();
  return (
    <div className="save-bar">
      {onSave ? (
        <button type="button" className="primary" onClick={onSave} disabled={pending}>
          {label}
        </button>
      ) : (
        <button type="submit" className="primary" disabled={pending}>
          {label}
        </button>
      )}
      <p role="status" className="save-status">
        {status}
      </p>
      {children}
      {error ? (
        <div className="save-error">
          <ErrorMessage error={error} />
          <p className="muted">{t('state.notSaved')}</p>
        </div>
      ) : null}
    </div>
  );
}
