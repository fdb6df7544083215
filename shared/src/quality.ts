import type { Quarter } from './domain.types';
import { quarterEndDate } from './periods';

const DAY = 86_400_000;

/** The parts of a quarter's data-quality score. */
export const QUALITY_PARTS = ['completeness', 'timeliness', 'outliers', 'overridden'] as const;
export type QualityPart = (typeof QUALITY_PARTS)[number];

/**
 * Weights of the parts, out of 100 (why these in docs/decisions.md): completeness first, since
 * a missing value is missing from every total above the pole; then timeliness and the outlier
 * warnings left standing (likely typos); overridden errors last, as each carries a reason.
 */
export const QUALITY_WEIGHTS: Readonly<Record<QualityPart, number>> = {
  completeness: 50,
  timeliness: 20,
  outliers: 20,
  overridden: 10,
};

/** Points of its part that each outlier warning left standing takes (4 or more: the part is 0). */
export const POINTS_PER_OUTLIER = 25;
/** Points of its part that each overridden error takes (5 or more: the part is 0). */
export const POINTS_PER_OVERRIDE = 20;

/** An outlier rule's id (`O1`, `O2`, …): the warnings that compare a value with its history. */
const OUTLIER_RULE_ID = /^O\d$/;

/** `onTime`: first submitted by the deadline; `late`: after it, or due and not submitted yet. */
export type Timeliness = 'onTime' | 'late' | 'pending';

/** The last day to submit `period` (`YYYY-MM-DD`): the quarter's last day plus `deadlineDays`. */
export function quarterDeadline(period: Quarter, deadlineDays: number): string {
  const end = Date.parse(`${quarterEndDate(period)}T00:00:00Z`);
  return new Date(end + deadlineDays * DAY).toISOString().slice(0, 10);
}

/** The settings a quarter's deadline follows: PTCE_DEADLINE_DAYS and PTCE_RESUBMIT_DAYS. */
export interface DeadlineRules {
  /** Days after a quarter's end by which it is due. */
  deadlineDays: number;
  /** Days a quarter sent back or reopened has to be submitted again, from that day. */
  resubmitDays: number;
}

const addDays = (day: string, days: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY).toISOString().slice(0, 10);

/**
 * The deadline (`YYYY-MM-DD`, the last day to submit) of a quarter in draft: its own
 * (`quarterDeadline`), or, once sent back or reopened at `reopenedAt`, the later of that and
 * the day of the reopening plus `resubmitDays`. What the reminders and "Mon trimestre" both say.
 */
export function draftDeadline(
  period: Quarter,
  rules: DeadlineRules,
  reopenedAt: string | null,
): string {
  const own = quarterDeadline(period, rules.deadlineDays);
  if (reopenedAt === null) return own;
  const again = addDays(reopenedAt.slice(0, 10), rules.resubmitDays);
  // ISO days sort as text: the later one.
  return [own, again].sort()[1]!;
}

/**
 * Whole days past `deadline` (`YYYY-MM-DD`) at `now`, in UTC days: 1 from the start of the day
 * after it; 0 until then.
 */
export function daysLate(deadline: string, now: Date): number {
  const late = Math.floor((now.getTime() - Date.parse(`${deadline}T00:00:00Z`)) / DAY);
  return Math.max(0, late);
}

/**
 * Whether `period` was submitted in time: by the end (UTC) of its deadline day. Not submitted
 * yet is `late` once that day is over and `pending` before (not counted against the pole).
 * @param firstSubmitAt ISO time of the quarter's first submission, or null.
 */
export function timelinessOf(
  period: Quarter,
  deadlineDays: number,
  firstSubmitAt: string | null,
  now: Date,
): Timeliness {
  const due = Date.parse(`${quarterDeadline(period, deadlineDays)}T00:00:00Z`) + DAY;
  if (firstSubmitAt !== null) return Date.parse(firstSubmitAt) < due ? 'onTime' : 'late';
  return now.getTime() >= due ? 'late' : 'pending';
}

/** Issues counted in a quarter's quality: warnings, among them outlier warnings (`O…` ids). */
export function countWarnings(issues: ReadonlyArray<{ rule: string; severity: string }>): {
  warnings: number;
  outliers: number;
} {
  let warnings = 0;
  let outliers = 0;
  for (const i of issues) {
    if (i.severity !== 'warning') continue;
    warnings += 1;
    if (OUTLIER_RULE_ID.test(i.rule)) outliers += 1;
  }
  return { warnings, outliers };
}

/** What a quarter's score is computed from. */
export interface QualityFacts {
  /** Totals entered and expected over every scope (see `quarterCompleteness`). */
  filled: number;
  expected: number;
  timeliness: Timeliness;
  /** Outlier warnings the rules raise on the stored values. */
  outliers: number;
  /** Entries stored with an override reason (errors accepted). */
  overridden: number;
}

/** Each part's points out of 100, null when it does not apply. */
export type QualityPartScores = Record<QualityPart, number | null>;

/**
 * Each part's points out of 100: completeness = entered ÷ expected (n/a when nothing is
 * expected); timeliness 100 on time, 0 late (n/a while pending); outliers and overrides lose
 * `POINTS_PER_…` each, never below 0 (n/a when nothing is entered: nothing to judge).
 */
export function qualityParts(f: QualityFacts): QualityPartScores {
  const entered = f.filled > 0;
  return {
    completeness: f.expected > 0 ? (100 * Math.min(f.filled, f.expected)) / f.expected : null,
    timeliness: f.timeliness === 'pending' ? null : f.timeliness === 'onTime' ? 100 : 0,
    outliers: entered ? Math.max(0, 100 - POINTS_PER_OUTLIER * f.outliers) : null,
    overridden: entered ? Math.max(0, 100 - POINTS_PER_OVERRIDE * f.overridden) : null,
  };
}

/**
 * The quarter's score, 0–100 rounded to a whole number: the weighted mean of the parts that
 * apply (`QUALITY_WEIGHTS`). Null while the quarter is pending (open and not yet due: it is
 * still being entered) or when no part applies.
 */
export function qualityScore(
  f: QualityFacts,
  weights: Readonly<Record<QualityPart, number>> = QUALITY_WEIGHTS,
): number | null {
  if (f.timeliness === 'pending') return null;
  const parts = qualityParts(f);
  let sum = 0;
  let total = 0;
  for (const part of QUALITY_PARTS) {
    const points = parts[part];
    if (points === null) continue;
    sum += weights[part] * points;
    total += weights[part];
  }
  return total === 0 ? null : Math.round(sum / total);
}
