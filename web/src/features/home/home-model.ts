import type { PeriodState, PeriodWithCompleteness } from '@ptce/shared/periods.wire';
import { type DeadlineRules, draftDeadline } from '@ptce/shared/quality';

/** The quarters a coordinator must act on: the current one and the earlier drafts. */
export interface HomeQuarters {
  current: PeriodWithCompleteness | undefined;
  /** Earlier quarters neither submitted nor validated (sent back ones included), latest first. */
  late: PeriodWithCompleteness[];
  /** The quarter just before the current one, for the "all done" line. */
  previous: PeriodWithCompleteness | undefined;
}

/**
 * Splits the periods answer (oldest first, ending with the server's current quarter) into
 * the current quarter and the earlier ones still in draft.
 */
export function homeQuarters(periods: PeriodWithCompleteness[]): HomeQuarters {
  const current = periods[periods.length - 1];
  const earlier = periods.slice(0, -1);
  return {
    current,
    late: earlier.filter((p) => p.status === 'draft').reverse(),
    previous: earlier[earlier.length - 1],
  };
}

/**
 * The last day to submit a quarter (`YYYY-MM-DD`), the one its reminders give: for a draft whose
 * last step sent it back or reopened it, recomputed from that day (`draftDeadline`: the later of
 * its own and that day plus `resubmitDays`); otherwise its own, the quarter's end plus
 * `deadlineDays`.
 */
export function deadlineOf(
  state: Pick<PeriodState, 'period' | 'status' | 'transition'>,
  rules: DeadlineRules,
): string {
  const step = state.transition;
  const returned =
    state.status === 'draft' &&
    step !== null &&
    (step.kind === 'sendBack' || step.kind === 'reopen');
  return draftDeadline(state.period, rules, returned ? step.at : null);
}
