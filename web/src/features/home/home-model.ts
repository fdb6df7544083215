import { quarterEndDate } from '@ptce/shared/periods';
import type { PeriodWithCompleteness } from '@ptce/shared/periods.schema';

const DAY = 86_400_000;

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

/** The last day to submit a quarter: its end plus `deadlineDays`, as `YYYY-MM-DD`. */
export function deadlineOf(period: string, deadlineDays: number): string {
  const end = Date.parse(`${quarterEndDate(period)}T00:00:00Z`);
  return new Date(end + deadlineDays * DAY).toISOString().slice(0, 10);
}

/** Whole days past `deadline` (`YYYY-MM-DD`) on `today`; 0 when not yet overdue. */
export function daysLate(deadline: string, today: Date): number {
  const todayUtc = Date.parse(`${today.toISOString().slice(0, 10)}T00:00:00Z`);
  const late = Math.round((todayUtc - Date.parse(`${deadline}T00:00:00Z`)) / DAY);
  return Math.max(0, late);
}
