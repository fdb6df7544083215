import type { UserAccount } from '@ptce/shared/users.schema';
import { MembershipInputSchema } from '@ptce/shared/users.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useUpdateUser } from '../../api/admin-users';
import {
  type MembershipDraft,
  MembershipsEditor,
  toDraft,
  toMemberships,
} from './memberships-editor';
import { RowPanelForm } from './row-panel-form';
import { TextField } from './text-field';

const MembershipsSchema = z.array(MembershipInputSchema);

/** Name and roles of an existing account (its address and password are not edited here). */
export function UserEditForm({
  user,
  onClose,
}: {
  user: UserAccount;
  onClose: (message?: string) => void;
}) {
  const { t } = useTranslation('admin');
  const update = useUpdateUser();
  const [name, setName] = useState(user.name);
  const [memberships, setMemberships] = useState<MembershipDraft[]>(user.memberships.map(toDraft));
  const [checked, setChecked] = useState(false);
  const parsed = MembershipsSchema.safeParse(toMemberships(memberships));
  const nameError = checked && name.trim() === '' ? t('users.errors.name') : null;
  const rolesError = checked && !parsed.success ? t('users.errors.memberships') : null;

  const onSubmit = () => {
    setChecked(true);
    if (name.trim() === '' || !parsed.success) return;
    update.mutate(
      { id: user.id, name: name.trim(), memberships: parsed.data },
      { onSuccess: (u) => onClose(t('users.updated', { name: u.name })) },
    );
  };

  return (
    <RowPanelForm
      title={t('users.editTitle', { name: user.name })}
      submitLabel={t('save')}
      pending={update.isPending}
      error={update.error}
      onSubmit={onSubmit}
      onCancel={() => onClose()}
    >
      <TextField
        label={t('users.name')}
        value={name}
        onChange={setName}
        error={nameError}
        maxLength={200}
        required
      />
      <MembershipsEditor value={memberships} onChange={setMemberships} error={rolesError} />
    </RowPanelForm>
  );
}
