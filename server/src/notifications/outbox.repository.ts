import {
  MAIL_STATES,
  type MailState,
  type OutboxMail,
  type OutboxQuery,
} from '@ptce/shared/notifications.schema';
import type { Db } from '../db/database';

/** The outbox's e-mails by state, and the events not handed out yet. */
export async function outboxCounts(
  db: Db,
): Promise<{ counts: Record<MailState, number>; pendingEvents: number }> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['state', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('state')
    .execute();
  const counts = Object.fromEntries(MAIL_STATES.map((s) => [s, 0])) as Record<MailState, number>;
  for (const r of rows) counts[r.state] = Number(r.n);
  const pending = await db
    .selectFrom('notification_events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('handed_out_at', 'is', null)
    .executeTakeFirstOrThrow();
  return { counts, pendingEvents: Number(pending.n) };
}

/** A page of the outbox's e-mails, newest first, of one state or all. */
export async function findOutbox(
  db: Db,
  q: OutboxQuery,
): Promise<{ mails: OutboxMail[]; nextBefore: number | null }> {
  const limit = q.limit ?? 50;
  let query = db
    .selectFrom('mail_outbox as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('notifications as n', 'n.id', 'm.notification_id')
    .leftJoin('notification_events as e', 'e.id', 'n.event_id')
    .leftJoin('poles as p', 'p.id', 'e.pole_id')
    .select([
      'm.id',
      'm.to_address',
      'u.email',
      'm.type',
      'e.kind',
      'p.slug',
      'e.period',
      'm.state',
      'm.attempts',
      'm.last_error',
      'm.created_at',
      'm.next_attempt_at',
      'm.sent_at',
    ]);
  if (q.state) query = query.where('m.state', '=', q.state);
  if (q.before) query = query.where('m.id', '<', q.before);
  const rows = await query.orderBy('m.id', 'desc').limit(limit).execute();
  const mails = rows.map(
    (r): OutboxMail => ({
      id: r.id,
      to: r.to_address ?? r.email,
      type: r.type,
      kind: r.kind ?? null,
      pole: r.slug ?? null,
      period: r.period ?? null,
      state: r.state,
      attempts: r.attempts,
      lastError: r.last_error,
      createdAt: r.created_at,
      nextAttemptAt: r.state === 'waiting' ? r.next_attempt_at : null,
      sentAt: r.sent_at,
    }),
  );
  return { mails, nextBefore: rows.length === limit ? rows.at(-1)!.id : null };
}
