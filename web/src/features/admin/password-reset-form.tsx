import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResetPassword } from '../../api/admin-users';
import type { UserAccount } from '../../api/users';
import { ErrorMessage } from '../../components/query-state';
import { PasswordField } from './password-field';

/** Sets a new password for an account; its open sessions end. */
export function PasswordResetForm({
  user,
  onClose,
}: {
  user: UserAccount;
  onClose: (message?: string) => void;
}) {
  const { t } = useTranslation('admin');
  const reset = useResetPassword();
  const titleId = useId();
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState(false);
  const tooShort = password.length < 12;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (tooShort) return;
    reset.mutate(
      { id: user.id, password },
      { onSuccess: () => onClose(t('users.resetDone', { name: user.name })) },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="admin-form" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('users.resetTitle', { name: user.name })}</h3>
      <PasswordField
        label={t('users.newPassword')}
        value={password}
        onChange={setPassword}
        error={checked && tooShort ? t('users.errors.password') : null}
      />
      {reset.error ? <ErrorMessage error={reset.error} /> : null}
      <div className="admin-buttons">
        <button type="submit" className="primary" disabled={reset.isPending}>
          {reset.isPending ? t('saving') : t('users.resetSubmit')}
        </button>
        <button type="button" onClick={() => onClose()}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
