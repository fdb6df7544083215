import type { Quarter } from './domain.types';
import {
  compareQuarters,
  currentQuarter,
  MIN_YEAR,
  nextQuarter,
  previousQuarter,
  quarterFromIndex,
  quarterIndex,
  quartersOfYear,
  yearOf,
} from './periods';

/**
 * How many quarters before the checked one the outlier rules look back: O1 needs 8 entered
 * quarters of a series and skips those without a value, O3 reads the same quarter last year.
 */
export const HISTORY_QUARTERS = 12;

/** The `HISTORY_QUARTERS` quarters before `period`, most recent first (none before 2000Q1). */
export function quartersBefore(period: Quarter): Quarter[] {
  const at = quarterIndex(period);
  const first = MIN_YEAR * 4;
  const out: Quarter[] = [];
  for (let i = at - 1; i >= Math.max(first, at - HISTORY_QUARTERS); i--)
    out.push(quarterFromIndex(i));
  return out;
}

/** The quarters the consistency rules read to judge a batch saved into one quarter. */
export interface RulesWindow {
  /** The saved quarter. */
  period: Quarter;
  /**
   * The quarter after `period` when `period` is before the current quarter: its stock
   * identities read `period`, so the errors a batch newly causes there come back as warnings.
   * Null for the current quarter (the next one has not started).
   */
  next: Quarter | null;
  /**
   * Every quarter the judge reads, without duplicates: `period`'s year, the quarter before it
   * (none before 2000Q2), and `next` with its year.
   */
  quarters: Quarter[];
  /**
   * The quarters before `period` the outlier rules read (`quartersBefore`), most recent first;
   * only the series a batch changes need them (an outlier concerns its own cell only).
   */
  history: Quarter[];
}

/**
 * The window of quarters the rules read for a batch saved into `period` at `now` (UTC): what
 * the save loads, what the import's dry run judges and what the entry grid passes to the
 * judge. Rules read the checked quarter, the one before and, for a Q4, its year; the outlier
 * rules read the series' `history`.
 * @throws RangeError when `period` is not a valid quarter or `now` an invalid date.
 */
export function rulesWindow(period: Quarter, now: Date): RulesWindow {
  const previous = compareQuarters(period, '2000Q1') > 0 ? previousQuarter(period) : null;
  const next = compareQuarters(period, currentQuarter(now)) < 0 ? nextQuarter(period) : null;
  const quarters = new Set<Quarter>(quartersOfYear(yearOf(period)));
  if (previous) quarters.add(previous);
  if (next) for (const q of [next, ...quartersOfYear(yearOf(next))]) quarters.add(q);
  return { period, next, quarters: [...quarters], history: quartersBefore(period) };
}
