import type { Quarter } from './domain.types';
import { compareQuarters, currentQuarter } from './periods';
import { PERIOD_ACTIONS, type PeriodAction, type PeriodStatus } from './periods.wire';
import type { Role } from './session.schema';

/** One workflow action: who may take it, from which states, to which state, with a reason. */
export interface Transition {
  roles: readonly Role[];
  from: readonly PeriodStatus[];
  to: PeriodStatus;
  /** A written reason is required (it is kept in the quarter's events). */
  reason: boolean;
}

/**
 * The quarter workflow: the coordinator submits a draft; the CRESS validates a submitted quarter
 * (which locks it) or sends it back to draft; the CRESS or an admin reopens a validated one.
 * Sending back and reopening are the same `reopen` action, with a reason.
 */
export const TRANSITIONS: Readonly<Record<PeriodAction, Transition>> = {
  submit: { roles: ['coordinator'], from: ['draft'], to: 'submitted', reason: false },
  validate: { roles: ['cress'], from: ['submitted'], to: 'validated', reason: false },
  reopen: {
    roles: ['cress', 'admin'],
    from: ['submitted', 'validated'],
    to: 'draft',
    reason: true,
  },
};

/** The state a quarter in `status` reaches by `action`, or null when the action does not apply. */
export function nextStatus(action: PeriodAction, status: PeriodStatus): PeriodStatus | null {
  const t = TRANSITIONS[action];
  return t.from.includes(status) ? t.to : null;
}

/** Whether someone holding `roles` on the pole may take `action` (whatever the quarter's state). */
export function mayTake(action: PeriodAction, roles: Iterable<Role>): boolean {
  const allowed = TRANSITIONS[action].roles;
  for (const r of roles) if (allowed.includes(r)) return true;
  return false;
}

/** The actions that apply to a quarter in `status`, in the order of PERIOD_ACTIONS. */
export function actionsFrom(status: PeriodStatus): PeriodAction[] {
  return PERIOD_ACTIONS.filter((a) => nextStatus(a, status) !== null);
}

/**
 * Whether a pole's quarter in `status` takes values at `now`: `open` (a draft that has started),
 * `future` (not started yet) or `locked` (submitted or validated). The save, the import and the
 * grid all ask this.
 */
export function quarterTakesValues(
  period: Quarter,
  status: PeriodStatus,
  now: Date,
): 'open' | 'future' | 'locked' {
  if (compareQuarters(period, currentQuarter(now)) > 0) return 'future';
  return status === 'draft' ? 'open' : 'locked';
}
