import type { Notification } from '@ptce/shared/notifications.schema';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fmtDateTime } from '../../lib/format';
import { useLang } from '../../lib/use-lang';
import { linkText, notificationText } from './notification-text';

/** One notification: its type, when, what happened, the reason, its link and "mark as read". */
export function NotificationItem({
  notification: n,
  onRead,
  busy,
}: {
  notification: Notification;
  onRead: (id: number) => void;
  busy: boolean;
}) {
  const { t } = useTranslation('notifications');
  const lang = useLang();
  const unread = n.readAt === null;
  return (
    <li className={unread ? 'notification unread' : 'notification'}>
      <h2 className="notification-kind">
        {t(`kinds.${n.kind}`)}
        {unread && <span className="unread-tag">{t('unread')}</span>}
      </h2>
      <p className="notification-when">
        <time dateTime={n.createdAt}>
          {t('received', { date: fmtDateTime(n.createdAt, lang) })}
        </time>
      </p>
      <p>{notificationText(t, n, lang)}</p>
      {n.reason && <p className="notification-reason">{t('reason', { reason: n.reason })}</p>}
      <p className="notification-actions">
        <Link to={n.link} onClick={() => unread && onRead(n.id)}>
          {linkText(t, n, lang)}
        </Link>
        {unread && (
          <button type="button" onClick={() => onRead(n.id)} disabled={busy}>
            {t('markRead')}
          </button>
        )}
      </p>
    </li>
  );
}
