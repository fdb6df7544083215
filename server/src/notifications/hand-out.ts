import { notificationLink } from '@ptce/shared/notifications';
import type { Kysely, Transaction } from 'kysely';
import type { Database, Db } from '../db/database';
import { transact } from '../db/engine';
import { claimEvents, type Holder } from './lease';
import { deliveriesOf } from './preferences.repository';
import { recipientsOf } from './recipients';

/** Thrown inside a hand-out whose lease was taken over: its transaction rolls back. */
class LeaseLost extends Error {}

/** The slug of a pole and of its first scope (the entry grid a link opens). */
async function poleLinkParts(db: Db, poleId: number): Promise<{ slug: string; scope: string }> {
  const row = await db
    .selectFrom('poles as p')
    .innerJoin('working_groups as g', 'g.pole_id', 'p.id')
    .select(['p.slug', 'g.slug as scope'])
    .where('p.id', '=', poleId)
    .orderBy('g.position')
    .orderBy('g.id')
    .limit(1)
    .executeTakeFirst();
  if (row) return row;
  const pole = await db
    .selectFrom('poles')
    .select('slug')
    .where('id', '=', poleId)
    .executeTakeFirstOrThrow();
  return { slug: pole.slug, scope: 'pole' };
}

/** Hands out one claimed event in `trx`; throws LeaseLost when another holder took it over. */
async function handOut(
  trx: Transaction<Database>,
  id: number,
  h: Holder,
  mailEnabled: boolean,
): Promise<number> {
  const e = await trx
    .selectFrom('notification_events')
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const at = h.now.toISOString();
  const recipients = await recipientsOf(trx, e);
  const deliveries = await deliveriesOf(
    trx,
    e.kind,
    recipients.map((r) => r.id),
  );
  const { slug, scope } = await poleLinkParts(trx, e.pole_id);
  const link = notificationLink(e.kind, slug, e.period, scope);
  for (const r of recipients) {
    const chosen = deliveries.get(r.id) ?? 'email';
    const delivery = mailEnabled ? chosen : 'app';
    const n = await trx
      .insertInto('notifications')
      .values({ event_id: e.id, user_id: r.id, link, delivery, created_at: at, read_at: null })
      .onConflict((oc) => oc.columns(['event_id', 'user_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (n && delivery === 'email') {
      await trx
        .insertInto('mail_outbox')
        .values({
          user_id: r.id,
          type: 'notification',
          notification_id: n.id,
          dedupe_key: `n:${n.id}`,
          state: 'waiting',
          attempts: 0,
          last_error: null,
          created_at: at,
          next_attempt_at: at,
          sent_at: null,
          to_address: null,
          lease_owner: null,
          lease_until: null,
        })
        .onConflict((oc) => oc.column('dedupe_key').doNothing())
        .execute();
    }
  }
  const done = await trx
    .updateTable('notification_events')
    .set({ handed_out_at: at, lease_owner: null, lease_until: null })
    .where('id', '=', e.id)
    .where('lease_owner', '=', h.owner)
    .where('handed_out_at', 'is', null)
    .executeTakeFirst();
  if (Number(done.numUpdatedRows) !== 1) throw new LeaseLost();
  return recipients.length;
}

/**
 * Hands out up to `limit` events: each claimed (lease), then in ONE transaction its recipients
 * computed from the memberships of now, one notification each (with an e-mail to send for
 * those who chose `email`, when mail is enabled) and the event marked handed out. A crash
 * before the commit leaves the event to hand out again once its lease runs out; the unique
 * (event, user) and e-mail keys make a second hand-out write nothing twice. Returns the events
 * handed out.
 */
export async function handOutEvents(
  db: Kysely<Database>,
  h: Holder,
  opts: { mailEnabled: boolean; limit?: number },
): Promise<number> {
  const ids = await claimEvents(db, h, opts.limit ?? 50);
  let done = 0;
  for (const id of ids) {
    try {
      await transact(db, (trx) => handOut(trx, id, h, opts.mailEnabled));
      done += 1;
    } catch (err) {
      if (!(err instanceof LeaseLost)) throw err;
    }
  }
  return done;
}
