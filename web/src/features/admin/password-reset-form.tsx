import type { UserAccount } from '@ptce/shared/users.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useResetPassword } from '../../api/admin-users';
import { PasswordField } from './password-field';
import { RowPanelForm } from './row-panel-form';

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
  const [password, setPassword] = useState('');
  const [checked, setChecked] = useState(false);
  const tooShort = password.length < 12;

  const onSubmit = () => {
    setChecked(true);
    if (tooShort) return;
    reset.mutate(
      { id: user.id, password },
      { onSuccess: () => onClose(t('users.resetDone', { name: user.name })) },
    );
  };

  return (
    <RowPanelForm
      title={t('users.resetTitle', { name: user.name })}
      submitLabel={t('users.resetSubmit')}
      pending={reset.isPending}
      error={reset.error}
      onSubmit={onSubmit}
      onCancel={() => onClose()}
    >
      <PasswordField
        label={t('users.newPassword')}
        value={password}
        onChange={setPassword}
        error={checked && tooShort ? t('users.errors.password') : null}
      />
    </RowPanelForm>
  );
}
