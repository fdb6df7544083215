import { CreateUserRequestSchema } from '@ptce/shared/users.schema';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateUser } from '../../api/users';
import { ErrorMessage } from '../../components/query-state';
import { FormStatus } from './form-status';
import { type MembershipDraft, MembershipsEditor, toMemberships } from './memberships-editor';
import { PasswordField } from './password-field';
import { TextField } from './text-field';
import { fieldErrors } from './user-form-errors';

/** Creates an account with its roles; checked with the shared schema before it is sent. */
export function UserCreateForm() {
  const { t } = useTranslation('admin');
  const create = useCreateUser();
  const [email, setEmail] = useState('');
  const [name, setName] = useState('');
  const [password, setPassword] = useState('');
  const [memberships, setMemberships] = useState<MembershipDraft[]>([]);
  const [checked, setChecked] = useState(false);
  const [done, setDone] = useState('');
  const body = { email, name, password, memberships: toMemberships(memberships) };
  const parsed = CreateUserRequestSchema.safeParse(body);
  const errors = checked ? fieldErrors(parsed.error) : {};
  const msg = (k: keyof typeof errors) => (errors[k] ? t(errors[k]!) : null);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    setDone('');
    if (!parsed.success) return;
    create.mutate(parsed.data, {
      onSuccess: (u) => {
        setDone(t('users.created', { name: u.name }));
        setEmail('');
        setName('');
        setPassword('');
        setMemberships([]);
        setChecked(false);
      },
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate className="admin-form">
      <TextField
        label={t('users.email')}
        value={email}
        onChange={setEmail}
        error={msg('email')}
        type="email"
        autoComplete="off"
        maxLength={254}
        required
      />
      <TextField
        label={t('users.name')}
        value={name}
        onChange={setName}
        error={msg('name')}
        maxLength={200}
        required
      />
      <PasswordField
        label={t('users.password')}
        value={password}
        onChange={setPassword}
        error={msg('password')}
      />
      <MembershipsEditor value={memberships} onChange={setMemberships} error={msg('memberships')} />
      {create.error ? <ErrorMessage error={create.error} /> : null}
      <button type="submit" className="primary" disabled={create.isPending}>
        {create.isPending ? t('saving') : t('users.submit')}
      </button>
      <FormStatus message={done} />
    </form>
  );
}
