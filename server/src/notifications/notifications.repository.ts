import {
  NOTIFICATIONS_PAGE,
  type Notification,
  type NotificationsQuery,
} from '@ptce/shared/notifications.schema';
import type { Db } from '../db/database';
import type { EventData } from './notifications.table';

/** The poles whose notifications a caller may read now: all (admin), or these ids. */
export type Visible = number[] | 'all';

const visibleTo = (userId: number, visible: Visible) => (db: Db) => {
  let q = db
    .selectFrom('notifications as n')
    .innerJoin('notification_events as e', 'e.id', 'n.event_id')
    .where('n.user_id', '=', userId);
  if (visible !== 'all') q = q.where('e.pole_id', 'in', visible.length > 0 ? visible : [-1]);
  return q;
};

/**
 * A page of the caller's notifications, newest first, among the poles it may read now (a
 * member removed from a pole no longer sees that pole's), with the filters of `q`.
 */
export async function findNotifications(
  db: Db,
  userId: number,
  visible: Visible,
  q: NotificationsQuery,
): Promise<{ notifications: Notification[]; nextBefore: number | null }> {
  const limit = q.limit ?? NOTIFICATIONS_PAGE;
  let query = visibleTo(
    userId,
    visible,
  )(db)
    .innerJoin('poles as p', 'p.id', 'e.pole_id')
    .leftJoin('users as a', 'a.id', 'e.actor_id')
    .select([
      'n.id',
      'e.kind',
      'p.slug',
      'p.name',
      'e.period',
      'e.reason',
      'a.name as actor',
      'e.data',
      'n.link',
      'n.created_at',
      'n.read_at',
    ]);
  if (q.unread === 'true') query = query.where('n.read_at', 'is', null);
  if (q.unread === 'false') query = query.where('n.read_at', 'is not', null);
  if (q.kind) query = query.where('e.kind', '=', q.kind);
  if (q.pole) query = query.where('p.slug', '=', q.pole);
  if (q.before) query = query.where('n.id', '<', q.before);
  const rows = await query.orderBy('n.id', 'desc').limit(limit).execute();
  const notifications = rows.map((r): Notification => {
    const data = JSON.parse(r.data) as EventData;
    return {
      id: r.id,
      kind: r.kind,
      pole: { slug: r.slug, name: r.name },
      period: r.period,
      reason: r.reason,
      actor: r.actor ?? null,
      deadline: data.deadline ?? null,
      daysLate: data.daysLate ?? null,
      changes: data.changes ?? null,
      link: r.link,
      createdAt: r.created_at,
      readAt: r.read_at,
    };
  });
  return { notifications, nextBefore: rows.length === limit ? rows.at(-1)!.id : null };
}

/** How many of the caller's notifications (of the poles it may read) are unread. */
export async function countUnread(db: Db, userId: number, visible: Visible): Promise<number> {
  const row = await visibleTo(
    userId,
    visible,
  )(db)
    .where('n.read_at', 'is', null)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Marks read the caller's notifications `ids` (all of them without `ids`) at `at`; already read
 * ones keep their time. Returns how many changed, or null when an id is not one the caller may
 * read (nothing is marked then).
 */
export async function markRead(
  db: Db,
  userId: number,
  visible: Visible,
  ids: number[] | undefined,
  at: string,
): Promise<number | null> {
  let mine = visibleTo(userId, visible)(db).select('n.id');
  if (ids) {
    const unique = [...new Set(ids)];
    mine = mine.where('n.id', 'in', unique);
    const found = await mine.execute();
    if (found.length !== unique.length) return null;
  }
  const res = await db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('id', 'in', mine.where('n.read_at', 'is', null))
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
