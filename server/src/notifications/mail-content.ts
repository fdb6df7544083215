import type { Lang } from '@ptce/shared/format';
import type { Db } from '../db/database';
import type { EventData } from './notifications.table';
import { recipientsOf } from './recipients';
import type { MailItem } from './render-mail';

/** What an e-mail of the outbox says and to whom, as of now. */
export interface MailContent {
  to: string;
  lang: Lang;
  items: MailItem[];
}

/**
 * The recipient and notifications of the outbox e-mail `mailId`, read when it is sent: null
 * when nothing is left to send — the account is disabled, or it may no longer read any of the
 * notifications (no longer a member of the pole or region, or a reminder whose quarter was
 * submitted since).
 */
export async function mailContent(db: Db, mailId: number): Promise<MailContent | null> {
  const mail = await db
    .selectFrom('mail_outbox as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('notification_settings as s', 's.user_id', 'u.id')
    .select(['m.type', 'm.notification_id', 'u.id as userId', 'u.email', 'u.disabled_at', 's.lang'])
    .where('m.id', '=', mailId)
    .executeTakeFirstOrThrow();
  if (mail.disabled_at !== null) return null;
  let q = db
    .selectFrom('notifications as n')
    .innerJoin('notification_events as e', 'e.id', 'n.event_id')
    .innerJoin('poles as p', 'p.id', 'e.pole_id')
    .leftJoin('users as a', 'a.id', 'e.actor_id')
    .select([
      'e.kind',
      'e.pole_id',
      'e.period',
      'e.reason',
      'e.actor_id',
      'e.data',
      'p.name as pole',
      'a.name as actor',
      'n.link',
    ])
    .where('n.user_id', '=', mail.userId)
    .orderBy('n.id');
  q =
    mail.type === 'notification'
      ? q.where('n.id', '=', mail.notification_id ?? -1)
      : q.where('n.id', 'in', (eb) =>
          eb
            .selectFrom('mail_digest_items')
            .select('notification_id')
            .where('mail_id', '=', mailId),
        );
  const items: MailItem[] = [];
  for (const r of await q.execute()) {
    const recipients = await recipientsOf(db, r);
    if (!recipients.some((u) => u.id === mail.userId)) continue;
    items.push({
      kind: r.kind,
      pole: r.pole,
      period: r.period,
      reason: r.reason,
      actor: r.actor ?? null,
      data: JSON.parse(r.data) as EventData,
      link: r.link,
    });
  }
  if (items.length === 0) return null;
  return { to: mail.email, lang: mail.lang ?? 'fr', items };
}
