import { type FormEvent, type ReactNode, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorMessage } from '../../components/query-state';

interface Props {
  title: string;
  /** The submit button's text while nothing is pending. */
  submitLabel: string;
  pending: boolean;
  /** The last failed submission, shown above the buttons. */
  error: unknown;
  onSubmit: () => void;
  onCancel: () => void;
  children: ReactNode;
}

/**
 * A form opened under an account's row: named by its heading, its fields, the API's error,
 * then submit and Cancel. The browser's own validation is off: the fields say what is wrong.
 */
export function RowPanelForm({
  title,
  submitLabel,
  pending,
  error,
  onSubmit,
  onCancel,
  children,
}: Props) {
  const { t } = useTranslation('admin');
  const titleId = useId();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onSubmit();
  };
  return (
    <form onSubmit={submit} noValidate className="admin-form" aria-labelledby={titleId}>
      <h3 id={titleId}>{title}</h3>
      {children}
      {error ? <ErrorMessage error={error} /> : null}
      <div className="admin-buttons">
        <button type="submit" className="primary" disabled={pending}>
          {pending ? t('saving') : submitLabel}
        </button>
        <button type="button" onClick={onCancel}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
