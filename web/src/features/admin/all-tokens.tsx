import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useAllTokens, useRevokeAnyToken } from '../../api/admin-tokens';
import { useUsers } from '../../api/users';
import { RevocableTokens } from './revocable-tokens';

/** Every account's tokens, filtered by account, each revocable (admin). */
export function AllTokens() {
  const { t } = useTranslation('admin');
  const users = useUsers();
  const [user, setUser] = useState<number | undefined>(undefined);
  const tokens = useAllTokens({ user });
  const revoke = useRevokeAnyToken();
  const headingId = useId();
  const filterId = useId();
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('tokens.all')}</h2>
      <div className="admin-field">
        <label htmlFor={filterId}>{t('tokens.filter')}</label>
        <select
          id={filterId}
          value={user ?? ''}
          onChange={(e) => setUser(e.target.value ? Number(e.target.value) : undefined)}
        >
          <option value="">{t('tokens.allUsers')}</option>
          {users.data?.map((u) => (
            <option key={u.id} value={u.id}>
              {u.name} ({u.email})
            </option>
          ))}
        </select>
      </div>
      <RevocableTokens tokens={tokens} revoke={revoke} caption={t('tokens.all')} />
    </section>
  );
}
