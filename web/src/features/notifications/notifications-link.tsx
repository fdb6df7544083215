import { NOTIFICATIONS_PATH } from '@ptce/shared/notifications.paths';
import { useQuery } from '@tanstack/react-query';
import i18n from 'i18next';
import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import * as z from 'zod/mini';
import { api } from '../../lib/api-client';
import { notificationKeys } from './notification-keys';
import './notifications-link.css';

// The header's few words come with this module (the frame's chunk), not in the first load's
// catalogue: the login page does not carry them.
const TEXTS = {
  fr: {
    label: 'Notifications',
    unread_one: 'non lue',
    unread_other: 'non lues',
  },
  en: {
    label: 'Notifications',
    unread_one: 'unread',
    unread_other: 'unread',
  },
};
for (const lang of ['fr', 'en'] as const)
  i18n.addResourceBundle(lang, 'common', { notificationsLink: TEXTS[lang] }, true, false);

/** `GET /api/notifications/unread-count` (shared UnreadCountSchema, in zod/mini). */
const UnreadWire = z.object({ unread: z.int() });

/** How often the count is asked again while a page stays open. */
const POLL_MS = 60_000;

/** The header's entry to the notifications, with the unread count (asked every minute). */
export function NotificationsLink() {
  const { t } = useTranslation();
  const unread = useQuery({
    queryKey: notificationKeys.unread(),
    queryFn: ({ signal }) => api('/api/notifications/unread-count', UnreadWire, { signal }),
    refetchInterval: POLL_MS,
    staleTime: POLL_MS / 2,
  });
  const count = unread.data?.unread ?? 0;
  // The name read out is the visible text and its end: "Notifications 3 non lues".
  return (
    <NavLink to={NOTIFICATIONS_PATH}>
      {t('notificationsLink.label')}
      {count > 0 && (
        <>
          {' '}
          <span className="unread-count">{count > 99 ? '99+' : count}</span>{' '}
          <span className="visually-hidden">{t('notificationsLink.unread', { count })}</span>
        </>
      )}
    </NavLink>
  );
}
