import { KIND_ROLES } from '@ptce/shared/notifications';
import type { NotificationKind } from '@ptce/shared/notifications.schema';
import type { Db } from '../db/database';

/** An event as the recipients are computed from it. */
export interface EventTarget {
  kind: NotificationKind;
  pole_id: number;
  period: string;
  actor_id: number | null;
}

export interface Recipient {
  id: number;
  email: string;
}

/**
 * The users an event goes to now: the active accounts holding one of the kind's roles on its
 * pole (KIND_ROLES; `cress` on the pole's region), the one who caused it excepted. A reminder
 * goes to nobody once its quarter is no longer a draft. Computed when the event is handed out
 * and again when an e-mail is sent, so a removed member or a disabled account gets nothing more.
 */
export async function recipientsOf(db: Db, e: EventTarget): Promise<Recipient[]> {
  if (e.kind === 'dueSoon' || e.kind === 'overdue') {
    const state = await db
      .selectFrom('quarter_status')
      .select('status')
      .where('pole_id', '=', e.pole_id)
      .where('period', '=', e.period)
      .executeTakeFirst();
    if (state && state.status !== 'draft') return [];
  }
  const roles = KIND_ROLES[e.kind];
  const poleRoles = roles.filter((r) => r === 'coordinator' || r === 'board');
  const rows = await db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('poles as p', (j) => j.on('p.id', '=', e.pole_id))
    .select(['u.id', 'u.email'])
    .distinct()
    .where('u.disabled_at', 'is', null)
    .where((eb) =>
      eb.or([
        ...(poleRoles.length > 0
          ? [eb.and([eb('m.role', 'in', poleRoles), eb('m.pole_id', '=', e.pole_id)])]
          : []),
        ...(roles.includes('cress')
          ? [
              eb.and([
                eb('m.role', '=', 'cress'),
                eb('m.region_code', '=', eb.ref('p.region_code')),
              ]),
            ]
          : []),
      ]),
    )
    .orderBy('u.id')
    .execute();
  return rows.filter((r) => r.id !== e.actor_id);
}
