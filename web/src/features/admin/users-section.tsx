import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUsers } from '../../api/users';
import { QueryState } from '../../components/query-state';
import { FormStatus } from './form-status';
import { UserCreateForm } from './user-create-form';
import { UserRow } from './user-row';

/** Every account with its roles and state; create, edit, disable, reset a password. */
export function UsersSection() {
  const { t } = useTranslation('admin');
  const users = useUsers();
  const headingId = useId();
  const [message, setMessage] = useState('');
  return (
    <section aria-labelledby={headingId}>
      <h2 id={headingId}>{t('users.title')}</h2>
      <FormStatus message={message} />
      <QueryState query={users}>
        {(list) => (
          <div className="table-scroll">
            <table className="admin-table">
              <thead>
                <tr>
                  <th scope="col">{t('users.colName')}</th>
                  <th scope="col">{t('users.colEmail')}</th>
                  <th scope="col">{t('users.colRoles')}</th>
                  <th scope="col">{t('users.colState')}</th>
                  <th scope="col">{t('users.colActions')}</th>
                </tr>
              </thead>
              <tbody>
                {list.map((u) => (
                  <UserRow key={u.id} user={u} onDone={setMessage} />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </QueryState>
      <details className="admin-panel">
        <summary>{t('users.create')}</summary>
        <UserCreateForm />
      </details>
    </section>
  );
}
