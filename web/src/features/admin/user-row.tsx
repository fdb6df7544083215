import type { UserAccount } from '@ptce/shared/users.schema';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useRegions } from '../../api/admin-regions';
import { useSetUserDisabled } from '../../api/admin-users';
import { usePoles } from '../../api/poles';
import { ErrorMessage } from '../../components/query-state';
import { fmtDateTime } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import { PasswordResetForm } from './password-reset-form';
import { UserEditForm } from './user-edit-form';

type Panel = 'edit' | 'password' | null;

/** One account: name, address, roles, state and its actions; a panel opens under the row. */
export function UserRow({ user, onDone }: { user: UserAccount; onDone: (msg: string) => void }) {
  const { t } = useTranslation('admin');
  const { t: tc } = useTranslation();
  const lang = useLang();
  const poles = usePoles();
  const regions = useRegions();
  const toggle = useSetUserDisabled();
  const [panel, setPanel] = useState<Panel>(null);
  const names = { name: user.name };
  const poleName = (slug: string) => poles.data?.find((p) => p.slug === slug)?.name ?? slug;
  const regionName = (code: string) => regions.data?.find((r) => r.code === code)?.name ?? code;
  const roles = user.memberships.map((m) =>
    m.pole || m.region
      ? t('memberships.on', {
          role: tc(`roles.${m.role}`),
          target: m.pole ? poleName(m.pole) : regionName(m.region!),
        })
      : tc(`roles.${m.role}`),
  );
  const close = (msg?: string) => {
    setPanel(null);
    if (msg) onDone(msg);
  };
  const onToggle = () =>
    toggle.mutate(
      { id: user.id, disabled: !user.disabledAt },
      {
        onSuccess: (u) =>
          onDone(t(u.disabledAt ? 'users.disabledDone' : 'users.enabledDone', names)),
      },
    );

  return (
    <>
      <tr className={user.disabledAt ? 'admin-disabled' : undefined}>
        <th scope="row">{user.name}</th>
        <td>{user.email}</td>
        <td>
          {roles.length === 0 ? (
            <span className="muted">{t('users.noRole')}</span>
          ) : (
            <ul className="admin-roles">
              {roles.map((r) => (
                <li key={r}>{r}</li>
              ))}
            </ul>
          )}
        </td>
        <td>
          {user.disabledAt
            ? t('users.disabled', { date: fmtDateTime(user.disabledAt, lang) })
            : t('users.active')}
        </td>
        <td className="admin-actions">
          <button
            type="button"
            aria-label={t('users.editOf', names)}
            aria-expanded={panel === 'edit'}
            onClick={() => setPanel(panel === 'edit' ? null : 'edit')}
          >
            {t('users.edit')}
          </button>
          <button
            type="button"
            aria-label={t('users.resetOf', names)}
            aria-expanded={panel === 'password'}
            onClick={() => setPanel(panel === 'password' ? null : 'password')}
          >
            {t('users.reset')}
          </button>
          <button
            type="button"
            aria-label={t(user.disabledAt ? 'users.enableOf' : 'users.disableOf', names)}
            disabled={toggle.isPending}
            onClick={onToggle}
          >
            {t(user.disabledAt ? 'users.enable' : 'users.disable')}
          </button>
          {toggle.error ? <ErrorMessage error={toggle.error} /> : null}
        </td>
      </tr>
      {panel && (
        <tr className="admin-panel-row">
          <td colSpan={5}>
            {panel === 'edit' ? (
              <UserEditForm user={user} onClose={close} />
            ) : (
              <PasswordResetForm user={user} onClose={close} />
            )}
          </td>
        </tr>
      )}
    </>
  );
}
