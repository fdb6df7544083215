import { NOTIFICATION_KINDS, type NotificationKind } from '@ptce/shared/notifications.wire';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSession } from '../../api/session';
import { PageTitle } from '../../components/page-title';
import type { NotificationFilters } from './list-notifications';
import { NotificationList } from './notification-list';
import './notifications.css';
import { OutboxPanel } from './outbox-panel';
import { PreferencesForm } from './preferences-form';

const TABS = ['list', 'preferences', 'outbox'] as const;
type Tab = (typeof TABS)[number];
/** The section's name in the address (`?onglet=`); the list has none. */
const TAB_PARAM: Record<Tab, string | null> = {
  list: null,
  preferences: 'preferences',
  outbox: 'envois',
};

/** The list's filters in the address: `?non-lues=1|0&type=&pole=`. */
function readFilters(params: URLSearchParams): NotificationFilters {
  const unread = params.get('non-lues');
  const kind = params.get('type');
  const pole = params.get('pole');
  return {
    ...(unread === '1' ? { unread: 'true' } : unread === '0' ? { unread: 'false' } : {}),
    ...(kind && (NOTIFICATION_KINDS as readonly string[]).includes(kind)
      ? { kind: kind as NotificationKind }
      : {}),
    ...(pole ? { pole } : {}),
  };
}

function writeFilters(f: NotificationFilters): Record<string, string> {
  const out: Record<string, string> = {};
  if (f.unread) out['non-lues'] = f.unread === 'true' ? '1' : '0';
  if (f.kind) out.type = f.kind;
  if (f.pole) out.pole = f.pole;
  return out;
}

/**
 * `/notifications`: the caller's notifications with filters; `?onglet=preferences` how each
 * kind is received; `?onglet=envois` the e-mail outbox (admins).
 */
export function NotificationsPage() {
  const { t } = useTranslation('notifications');
  const [params, setParams] = useSearchParams();
  const session = useSession();
  const admin = session.data?.user.memberships.some((m) => m.role === 'admin') ?? false;
  const tabs = TABS.filter((tab) => tab !== 'outbox' || admin);
  const asked = params.get('onglet');
  const tab = tabs.find((x) => TAB_PARAM[x] === asked) ?? 'list';
  return (
    <div className="notifications-page">
      <PageTitle text={t('title')} />
      <nav aria-label={t('sections')} className="notification-tabs">
        <ul>
          {tabs.map((x) => {
            const param = TAB_PARAM[x];
            return (
              <li key={x}>
                <Link
                  to={param ? `?onglet=${param}` : '?'}
                  aria-current={x === tab ? 'page' : undefined}
                >
                  {t(`tabs.${x}`)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {tab === 'list' && (
        <NotificationList
          filters={readFilters(params)}
          onFilters={(f) => setParams(writeFilters(f), { replace: true })}
        />
      )}
      {tab === 'preferences' && <PreferencesForm />}
      {tab === 'outbox' && <OutboxPanel />}
    </div>
  );
}
