import {
  type PeriodAction,
  type PeriodEvent,
  type PeriodState,
  type PeriodStatus,
  type PeriodTransition,
  transitionKind,
} from '@ptce/shared/periods.schema';
import type { Role } from '@ptce/shared/session.schema';
import type { Db } from '../db/database';

/**
 * The last workflow step of each of the pole's quarters in [from, to] that has one: the newest
 * event of each (one indexed read, `period_events_quarter`).
 */
async function findLastTransitions(
  db: Db,
  poleId: number,
  from: string,
  to: string,
): Promise<Map<string, PeriodTransition>> {
  const rows = await db
    .selectFrom('period_events as e')
    .leftJoin('users as u', 'u.id', 'e.by')
    .select(['e.period', 'e.action', 'e.from_status', 'e.reason', 'e.at', 'e.by_role', 'u.name'])
    .where('e.id', 'in', (eb) =>
      eb
        .selectFrom('period_events')
        .select((x) => x.fn.max('id').as('id'))
        .where('pole_id', '=', poleId)
        .where('period', '>=', from)
        .where('period', '<=', to)
        .groupBy('period'),
    )
    .execute();
  return new Map(
    rows.map((r) => [
      r.period,
      {
        kind: transitionKind(r.action, r.from_status),
        reason: r.reason,
        at: r.at,
        by: r.name ?? null,
        byRole: r.by_role,
      },
    ]),
  );
}

/** A quarter's workflow state; a quarter never touched is a `draft`. */
export async function findPeriodState(
  db: Db,
  poleId: number,
  period: string,
): Promise<PeriodState> {
  const row = await db
    .selectFrom('quarter_status as q')
    .leftJoin('users as u', 'u.id', 'q.updated_by')
    .select(['q.status', 'q.reason', 'q.updated_at', 'u.name'])
    .where('q.pole_id', '=', poleId)
    .where('q.period', '=', period)
    .executeTakeFirst();
  const transition = row ? await findLastTransitions(db, poleId, period, period) : null;
  return {
    period,
    status: row?.status ?? 'draft',
    reason: row?.reason ?? null,
    updatedAt: row?.updated_at ?? null,
    updatedBy: row?.name ?? null,
    transition: transition?.get(period) ?? null,
  };
}

/** A quarter's workflow status alone (a quarter never touched is a `draft`). */
export async function findPeriodStatus(
  db: Db,
  poleId: number,
  period: string,
): Promise<PeriodStatus> {
  const row = await db
    .selectFrom('quarter_status')
    .select('status')
    .where('pole_id', '=', poleId)
    .where('period', '=', period)
    .executeTakeFirst();
  return row?.status ?? 'draft';
}

/** Every quarter with a recorded state in [from, to] (others are drafts). */
export async function findPeriodStates(
  db: Db,
  poleId: number,
  from: string,
  to: string,
): Promise<PeriodState[]> {
  const rows = await db
    .selectFrom('quarter_status as q')
    .leftJoin('users as u', 'u.id', 'q.updated_by')
    .select(['q.period', 'q.status', 'q.reason', 'q.updated_at', 'u.name'])
    .where('q.pole_id', '=', poleId)
    .where('q.period', '>=', from)
    .where('q.period', '<=', to)
    .orderBy('q.period')
    .execute();
  const transitions = await findLastTransitions(db, poleId, from, to);
  return rows.map((r) => ({
    period: r.period,
    status: r.status,
    reason: r.reason,
    updatedAt: r.updated_at,
    updatedBy: r.name ?? null,
    transition: transitions.get(r.period) ?? null,
  }));
}

/** The recorded workflow state of each quarter in [from, to] (quarters absent are drafts). */
export async function findStatuses(
  db: Db,
  poleId: number,
  from: string,
  to: string,
): Promise<Map<string, PeriodStatus>> {
  const rows = await db
    .selectFrom('quarter_status')
    .select(['period', 'status'])
    .where('pole_id', '=', poleId)
    .where('period', '>=', from)
    .where('period', '<=', to)
    .execute();
  return new Map(rows.map((r) => [r.period, r.status]));
}

/** Records a transition: the new state and an append-only event, in the caller's transaction. */
export async function recordTransition(
  db: Db,
  t: {
    poleId: number;
    period: string;
    action: PeriodAction;
    from: PeriodStatus;
    to: PeriodStatus;
    reason: string | null;
    by: number;
    /** The role the actor took the action in. */
    byRole: Role;
    at: string;
  },
): Promise<void> {
  await db
    .insertInto('quarter_status')
    .values({
      pole_id: t.poleId,
      period: t.period,
      status: t.to,
      reason: t.reason,
      updated_at: t.at,
      updated_by: t.by,
    })
    .onConflict((oc) =>
      oc
        .columns(['pole_id', 'period'])
        .doUpdateSet({ status: t.to, reason: t.reason, updated_at: t.at, updated_by: t.by }),
    )
    .execute();
  await db
    .insertInto('period_events')
    .values({
      pole_id: t.poleId,
      period: t.period,
      action: t.action,
      from_status: t.from,
      to_status: t.to,
      reason: t.reason,
      at: t.at,
      by: t.by,
      by_role: t.byRole,
    })
    .execute();
}

export async function findPeriodEvents(
  db: Db,
  poleId: number,
  period?: string,
): Promise<PeriodEvent[]> {
  let q = db
    .selectFrom('period_events as e')
    .leftJoin('users as u', 'u.id', 'e.by')
    .select([
      'e.period',
      'e.action',
      'e.from_status',
      'e.to_status',
      'e.reason',
      'e.at',
      'e.by_role',
      'u.name',
    ])
    .where('e.pole_id', '=', poleId);
  if (period) q = q.where('e.period', '=', period);
  const rows = await q.orderBy('e.id', 'desc').limit(1000).execute();
  return rows.map((r) => ({
    period: r.period,
    action: r.action,
    fromStatus: r.from_status,
    toStatus: r.to_status,
    reason: r.reason,
    at: r.at,
    by: r.name ?? null,
    byRole: r.by_role,
  }));
}
