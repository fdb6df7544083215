import {
  DEFAULT_DELIVERY,
  type Delivery,
  NOTIFICATION_KINDS,
  type NotificationKind,
  type PreferencesUpdate,
} from '@ptce/shared/notifications.schema';
import type { Db } from '../db/database';

/** A user's delivery of every kind (DEFAULT_DELIVERY where none was chosen) and language. */
export async function findPreferences(
  db: Db,
  userId: number,
): Promise<{ kinds: Record<NotificationKind, Delivery>; lang: 'fr' | 'en' }> {
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['kind', 'delivery'])
    .where('user_id', '=', userId)
    .execute();
  const kinds = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, DEFAULT_DELIVERY])) as Record<
    NotificationKind,
    Delivery
  >;
  for (const r of rows) kinds[r.kind] = r.delivery;
  const setting = await db
    .selectFrom('notification_settings')
    .select('lang')
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return { kinds, lang: setting?.lang ?? 'fr' };
}

/** The delivery each of `userIds` chose for `kind` (DEFAULT_DELIVERY for the others). */
export async function deliveriesOf(
  db: Db,
  kind: NotificationKind,
  userIds: number[],
): Promise<Map<number, Delivery>> {
  const out = new Map(userIds.map((id) => [id, DEFAULT_DELIVERY]));
  if (userIds.length === 0) return out;
  const rows = await db
    .selectFrom('notification_preferences')
    .select(['user_id', 'delivery'])
    .where('kind', '=', kind)
    .where('user_id', 'in', userIds)
    .execute();
  for (const r of rows) out.set(r.user_id, r.delivery);
  return out;
}

/** Saves the language and the kinds given (the others unchanged), in the caller's transaction. */
export async function savePreferences(
  db: Db,
  userId: number,
  update: PreferencesUpdate,
): Promise<void> {
  for (const [kind, delivery] of Object.entries(update.kinds ?? {}) as Array<
    [NotificationKind, Delivery]
  >) {
    await db
      .insertInto('notification_preferences')
      .values({ user_id: userId, kind, delivery })
      .onConflict((oc) => oc.columns(['user_id', 'kind']).doUpdateSet({ delivery }))
      .execute();
  }
  if (update.lang) {
    const lang = update.lang;
    await db
      .insertInto('notification_settings')
      .values({ user_id: userId, lang })
      .onConflict((oc) => oc.column('user_id').doUpdateSet({ lang }))
      .execute();
  }
}
