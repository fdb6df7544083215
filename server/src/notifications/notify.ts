import { transitionKind } from '@ptce/shared/notifications';
import type { NotificationKind } from '@ptce/shared/notifications.schema';
import type { PeriodStatus } from '@ptce/shared/periods.schema';
import type { Db } from '../db/database';
import type { EventData } from './notifications.table';

/** What wakes the job up once an event is written (the Notifier; absent: its next round). */
export interface Kick {
  kick(): void;
}

/**
 * Writes an event to hand out, in the caller's transaction: it exists if and only if the change
 * that causes it commits. With a `dedupeKey` (reminders), a second write of the same key is
 * ignored, whichever server writes it; returns whether a row was written.
 */
export async function writeEvent(
  db: Db,
  e: {
    kind: NotificationKind;
    poleId: number;
    period: string;
    reason?: string | null;
    actorId?: number | null;
    data?: EventData;
    dedupeKey?: string;
    at: string;
  },
): Promise<boolean> {
  const res = await db
    .insertInto('notification_events')
    .values({
      kind: e.kind,
      pole_id: e.poleId,
      period: e.period,
      reason: e.reason ?? null,
      actor_id: e.actorId ?? null,
      data: JSON.stringify(e.data ?? {}),
      dedupe_key: e.dedupeKey ?? null,
      created_at: e.at,
      handed_out_at: null,
      lease_owner: null,
      lease_until: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}

/**
 * The hook of the quarter workflow, called in the transition's transaction: submitted,
 * validated, sent back (from submitted) or reopened (from validated), with the reason.
 */
export async function notifyTransition(
  db: Db,
  job: Kick | undefined,
  t: {
    poleId: number;
    period: string;
    from: PeriodStatus;
    to: PeriodStatus;
    reason: string | null;
    by: number;
    at: string;
  },
): Promise<void> {
  await writeEvent(db, {
    kind: transitionKind(t.from, t.to),
    poleId: t.poleId,
    period: t.period,
    reason: t.to === 'draft' ? t.reason : null,
    actorId: t.by,
    at: t.at,
  });
  job?.kick();
}

/** The hook of an applied import (not a dry run), in its transaction: `changes` values changed. */
export async function notifyImport(
  db: Db,
  i: { poleId: number; period: string; by: number; changes: number; at: string },
): Promise<void> {
  if (i.changes === 0) return;
  await writeEvent(db, {
    kind: 'importApplied',
    poleId: i.poleId,
    period: i.period,
    actorId: i.by,
    data: { changes: i.changes },
    at: i.at,
  });
}
