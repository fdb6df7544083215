import type { Db } from '../db/database';

/** Who holds a lease: one Notifier of one process. */
export interface Holder {
  owner: string;
  now: Date;
  /** How long a claim lasts: longer than anything done under it (an SMTP send's timeouts). */
  leaseMs: number;
}

/**
 * Claims up to `limit` events not handed out yet, oldest first: one conditional UPDATE sets the
 * lease of the rows still free, so of two servers claiming at once each row goes to one (SQLite
 * runs writes one at a time; PostgreSQL re-checks the WHERE of a row another transaction
 * changed). A lease that ran out (its holder died or stalled) is free again. Returns the ids
 * claimed.
 */
export async function claimEvents(db: Db, h: Holder, limit: number): Promise<number[]> {
  const now = h.now.toISOString();
  // A read first: a round with nothing to do never takes SQLite's write lock.
  const any = await db
    .selectFrom('notification_events')
    .select('id')
    .where('handed_out_at', 'is', null)
    .limit(1)
    .executeTakeFirst();
  if (!any) return [];
  const rows = await db
    .updateTable('notification_events')
    .set({ lease_owner: h.owner, lease_until: new Date(h.now.getTime() + h.leaseMs).toISOString() })
    .where(
      'id',
      'in',
      db
        .selectFrom('notification_events')
        .select('id')
        .where('handed_out_at', 'is', null)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
        .orderBy('id')
        .limit(limit),
    )
    .where('handed_out_at', 'is', null)
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .returning('id')
    .execute();
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** Claims up to `limit` e-mails waiting whose next attempt is due, as `claimEvents` does. */
export async function claimMails(db: Db, h: Holder, limit: number): Promise<number[]> {
  const now = h.now.toISOString();
  const any = await db
    .selectFrom('mail_outbox')
    .select('id')
    .where('state', '=', 'waiting')
    .where('next_attempt_at', '<=', now)
    .limit(1)
    .executeTakeFirst();
  if (!any) return [];
  const rows = await db
    .updateTable('mail_outbox')
    .set({ lease_owner: h.owner, lease_until: new Date(h.now.getTime() + h.leaseMs).toISOString() })
    .where(
      'id',
      'in',
      db
        .selectFrom('mail_outbox')
        .select('id')
        .where('state', '=', 'waiting')
        .where('next_attempt_at', '<=', now)
        .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
        .orderBy('id')
        .limit(limit),
    )
    .where('state', '=', 'waiting')
    .where((eb) => eb.or([eb('lease_until', 'is', null), eb('lease_until', '<', now)]))
    .returning('id')
    .execute();
  return rows.map((r) => r.id).sort((a, b) => a - b);
}
