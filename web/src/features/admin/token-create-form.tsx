import { type FormEvent, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useCreateToken } from '../../api/tokens';
import { ErrorMessage } from '../../components/query-state';
import { TextField } from './text-field';
import { TokenSecret } from './token-secret';

const VALIDITY_DAYS = [30, 90, 365] as const;

/** Creates a personal API token and shows its secret once. */
export function TokenCreateForm() {
  const { t } = useTranslation('admin');
  const create = useCreateToken();
  const expiresId = useId();
  const [name, setName] = useState('');
  const [days, setDays] = useState('');
  const [checked, setChecked] = useState(false);
  const nameError = checked && name.trim() === '' ? t('required') : null;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    setChecked(true);
    if (name.trim() === '') return;
    create.mutate(
      { name: name.trim(), ...(days ? { expiresInDays: Number(days) } : {}) },
      {
        onSuccess: () => {
          setName('');
          setDays('');
          setChecked(false);
        },
      },
    );
  };

  if (create.data)
    return (
      <TokenSecret
        name={create.data.token.name}
        secret={create.data.secret}
        onDismiss={() => create.reset()}
      />
    );

  return (
    <form onSubmit={onSubmit} noValidate className="admin-form admin-panel">
      <h3>{t('tokens.create')}</h3>
      <TextField
        label={t('tokens.name')}
        value={name}
        onChange={setName}
        help={t('tokens.nameHelp')}
        error={nameError}
        maxLength={100}
        required
      />
      <div className="admin-field">
        <label htmlFor={expiresId}>{t('tokens.expires')}</label>
        <select id={expiresId} value={days} onChange={(e) => setDays(e.target.value)}>
          <option value="">{t('tokens.never')}</option>
          {VALIDITY_DAYS.map((d) => (
            <option key={d} value={d}>
              {t('tokens.days', { count: d })}
            </option>
          ))}
        </select>
      </div>
      {create.error ? <ErrorMessage error={create.error} /> : null}
      <button type="submit" className="primary" disabled={create.isPending}>
        {create.isPending ? t('saving') : t('tokens.submit')}
      </button>
    </form>
  );
}
