import type { Quarter } from './domain.types';
import { NOTIFICATION_KINDS, type NotificationKind } from './notifications.wire';
import {
  currentQuarter,
  lastCompleteQuarter,
  quarterEndDate,
  quarterFromIndex,
  quarterIndex,
} from './periods';
import type { PeriodStatus } from './periods.schema';
import { type DeadlineRules, daysLate } from './quality';
import type { Role } from './session.schema';

const DAY = 86_400_000;

/**
 * The settings reminders follow: the deadline's (PTCE_DEADLINE_DAYS, PTCE_RESUBMIT_DAYS) and the
 * PTCE_REMIND_* settings.
 */
export interface ReminderRules extends DeadlineRules {
  /** Days before the deadline the "due soon" reminder is written (0: none). */
  dueSoonDays: number;
  /** Days between two overdue reminders (0: a single one). */
  overdueEveryDays: number;
  /** Most overdue reminders per deadline (0: none). */
  overdueMax: number;
}

/** The reminder a quarter in draft calls for: due soon, or the `step`-th overdue one. */
export type Reminder =
  | { kind: 'dueSoon'; deadline: string }
  | { kind: 'overdue'; deadline: string; step: number; daysLate: number };

/**
 * The reminder a quarter still in draft with this `deadline` calls for at `now` (UTC days), or
 * null. Overdue from the end of the deadline day: step 1 then, step n after (n − 1) ×
 * `overdueEveryDays` more days, never beyond `overdueMax`; so a job that missed steps writes
 * the latest one only. Due soon from `dueSoonDays` days before the deadline day (7: on the 23rd for
 * a deadline on the 30th), once the quarter is over. `daysLate` counts whole days since the deadline day (1 on the day after).
 */
export function reminderAt(
  period: Quarter,
  deadline: string,
  now: Date,
  rules: ReminderRules,
): Reminder | null {
  const deadlineStart = Date.parse(`${deadline}T00:00:00Z`);
  const due = deadlineStart + DAY;
  const t = now.getTime();
  if (t >= due) {
    if (rules.overdueMax <= 0) return null;
    const every = rules.overdueEveryDays * DAY;
    const step = every > 0 ? Math.min(rules.overdueMax, Math.floor((t - due) / every) + 1) : 1;
    return { kind: 'overdue', deadline, step, daysLate: daysLate(deadline, now) };
  }
  const ended = Date.parse(`${quarterEndDate(period)}T00:00:00Z`) + DAY;
  if (rules.dueSoonDays > 0 && t >= deadlineStart - rules.dueSoonDays * DAY && t >= ended)
    return { kind: 'dueSoon', deadline };
  return null;
}

/** Most past quarters a reminder is written for (besides those sent back or reopened). */
const REMINDER_QUARTERS = 4;

/**
 * The quarters reminders are computed for at `now`: the last complete one and those before it,
 * at most REMINDER_QUARTERS, not before the quarter preceding the pole's creation (a pole
 * created in November reports its third quarter, not the years before it).
 */
export function reminderQuarters(now: Date, poleCreatedAt: string): Quarter[] {
  const last = quarterIndex(lastCompleteQuarter(now));
  const created = quarterIndex(currentQuarter(new Date(poleCreatedAt))) - 1;
  const first = Math.max(last - REMINDER_QUARTERS + 1, created);
  const out: Quarter[] = [];
  for (let i = first; i <= last; i++) out.push(quarterFromIndex(i));
  return out;
}

/**
 * The screen a notification leads to: the quarter's report (where the CRESS validates, and
 * what a validation concerns) for `submitted` and `validated`, the entry grid of the quarter's
 * first scope for everything a coordinator has to act on.
 */
export function notificationLink(
  kind: NotificationKind,
  pole: string,
  period: Quarter,
  firstScope: string,
): string {
  const p = encodeURIComponent(pole);
  if (kind === 'submitted' || kind === 'validated') return `/poles/${p}/rapport/${period}`;
  return `/poles/${p}/saisie/${period}/${encodeURIComponent(firstScope)}`;
}

/**
 * Who receives each kind, by the role they hold on the event's pole (`cress`: on the pole's
 * region) when it is handed out: nobody else, and never a disabled account. A late quarter is
 * the CRESS's business too ("what is late" is the overview it lacks), a quarter due soon not yet.
 */
export const KIND_ROLES: Readonly<Record<NotificationKind, readonly Role[]>> = {
  dueSoon: ['coordinator'],
  overdue: ['coordinator', 'cress'],
  submitted: ['cress'],
  validated: ['coordinator', 'board'],
  sentBack: ['coordinator'],
  reopened: ['coordinator'],
  importApplied: ['coordinator'],
};

/** The kinds someone holding `roles` can receive, in NOTIFICATION_KINDS order. */
export function kindsFor(roles: Iterable<Role>): NotificationKind[] {
  const held = new Set(roles);
  return NOTIFICATION_KINDS.filter((k) => KIND_ROLES[k].some((r) => held.has(r)));
}

/**
 * The kind of a workflow transition: a submission, a validation, or a return to draft — `sentBack`
 * from `submitted`, `reopened` from `validated`.
 */
export function transitionKind(from: PeriodStatus, to: PeriodStatus): NotificationKind {
  if (to === 'submitted') return 'submitted';
  if (to === 'validated') return 'validated';
  return from === 'validated' ? 'reopened' : 'sentBack';
}
