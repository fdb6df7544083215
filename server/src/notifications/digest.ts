import type { Kysely } from 'kysely';
import type { Database } from '../db/database';
import { transact } from '../db/engine';

/**
 * The digest slot of `now`: the last `hour`:00 UTC at or before it, as an ISO time. A digest
 * written for a slot holds the notifications created before it.
 */
export function digestSlot(now: Date, hour: number): string {
  const slot = new Date(
    Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour, 0, 0, 0),
  );
  if (slot.getTime() > now.getTime()) slot.setUTCDate(slot.getUTCDate() - 1);
  return slot.toISOString();
}

/**
 * Writes the digests of the slot of `now` (`digestSlot`): for each user with notifications to
 * digest created before it and in no digest yet, in one transaction, an e-mail of the outbox
 * (key `d:{user}:{slot}`, written once whichever server writes it) and its notifications
 * (each in one digest at most). Returns the digests written.
 */
export async function writeDigests(db: Kysely<Database>, now: Date, hour: number): Promise<number> {
  const slot = digestSlot(now, hour);
  const at = now.toISOString();
  const pending = (eb: Kysely<Database>) =>
    eb
      .selectFrom('notifications as n')
      .where('n.delivery', '=', 'digest')
      .where('n.created_at', '<', slot)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('mail_digest_items as d')
              .select('d.mail_id')
              .whereRef('d.notification_id', '=', 'n.id'),
          ),
        ),
      );
  const users = await pending(db).select('n.user_id').distinct().execute();
  let written = 0;
  for (const { user_id } of users) {
    const wrote = await transact(db, async (trx) => {
      const mail = await trx
        .insertInto('mail_outbox')
        .values({
          user_id,
          type: 'digest',
          notification_id: null,
          dedupe_key: `d:${user_id}:${slot}`,
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
        .returning('id')
        .executeTakeFirst();
      if (!mail) return false;
      await trx
        .insertInto('mail_digest_items')
        .columns(['notification_id', 'mail_id'])
        .expression(
          pending(trx as unknown as Kysely<Database>)
            .where('n.user_id', '=', user_id)
            .select((eb) => ['n.id', eb.val(mail.id).as('mail_id')]),
        )
        .onConflict((oc) => oc.column('notification_id').doNothing())
        .execute();
      return true;
    });
    if (wrote) written += 1;
  }
  return written;
}
