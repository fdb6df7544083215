import { MembershipInputSchema } from '@ptce/shared/users.schema';
import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useUpdateUser } from '../../api/admin-users';
import type { UserAccount } from '../../api/users';
import { ErrorMessage } from '../../components/query-state';
import {
  type MembershipDraft,
  MembershipsEditor,
  toDraft,
  toMemberships,
} from './memberships-editor';
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
  const titleId = useId();
  const [name, setName] = useState(user.name);
  const [memberships, setMemberships] = useState<MembershipDraft[]>(user.memberships.map(toDraft));
  const [checked, setChecked] = useState(false);
  const parsed = MembershipsSchema.safeParse(toMemberships(memberships));
  const nameError = checked && name.trim() === '' ? t('users.errors.name') : null;
  const rolesError = checked && !parsed.success ? t('users.errors.memberships') : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (name.trim() === '' || !parsed.success) return;
    update.mutate(
      { id: user.id, name: name.trim(), memberships: parsed.data },
      { onSuccess: (u) => onClose(t('users.updated', { name: u.name })) },
    );
  };

  return (
    <form onSubmit={onSubmit} noValidate className="admin-form" aria-labelledby={titleId}>
      <h3 id={titleId}>{t('users.editTitle', { name: user.name })}</h3>
      <TextField
        label={t('users.name')}
        value={name}
        onChange={setName}
        error={nameError}
        maxLength={200}
        required
      />
      <MembershipsEditor value={memberships} onChange={setMemberships} error={rolesError} />
      {update.error ? <ErrorMessage error={update.error} /> : null}
      <div className="admin-buttons">
        <button type="submit" className="primary" disabled={update.isPending}>
          {update.isPending ? t('saving') : t('save')}
        </button>
        <button type="button" onClick={() => onClose()}>
          {t('cancel')}
        </button>
      </div>
    </form>
  );
}
