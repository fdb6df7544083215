import type { Notification } from '@ptce/shared/notifications.schema';
import type { TFunction } from 'i18next';
import { fmtDate, fmtQuarter, type Lang } from '../../lib/format';

/** The sentence telling a notification: the pole, the quarter, who and, for reminders, when. */
export function notificationText(t: TFunction, n: Notification, lang: Lang): string {
  const count =
    n.kind === 'overdue'
      ? (n.daysLate ?? 0)
      : n.kind === 'importApplied'
        ? (n.changes ?? 0)
        : undefined;
  return t(`text.${n.kind}`, {
    quarter: fmtQuarter(n.period, lang),
    pole: n.pole.name,
    actor: n.actor ?? t('someone'),
    // Noon UTC: the same calendar day in every time zone of the users.
    deadline: n.deadline ? fmtDate(`${n.deadline}T12:00:00Z`, lang) : '',
    ...(count === undefined ? {} : { count }),
  });
}

/** The words of a notification's link: the report it opens, or the entry grid. */
export function linkText(t: TFunction, n: Notification, lang: Lang): string {
  const quarter = fmtQuarter(n.period, lang);
  return n.link.includes('/rapport/') ? t('openReport', { quarter }) : t('openGrid', { quarter });
}
