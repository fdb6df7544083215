import type { Quarter } from './domain.types';
import {
  compareQuarters,
  currentQuarter,
  nextQuarter,
  previousQuarter,
  quartersOfYear,
  yearOf,
} from './periods';

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
}

/**
 * The window of quarters the rules read for a batch saved into `period` at `now` (UTC): what
 * the save loads, what the import's dry run judges and what the entry grid passes to the
 * judge. Rules read the checked quarter, the one before and, for a Q4, its year.
 * @throws RangeError when `period` is not a valid quarter or `now` an invalid date.
 */
export function rulesWindow(period: Quarter, now: Date): RulesWindow {
  const previous = compareQuarters(period, '2000Q1') > 0 ? previousQuarter(period) : null;
  const next = compareQuarters(period, currentQuarter(now)) < 0 ? nextQuarter(period) : null;
  const quarters = new Set<Quarter>(quartersOfYear(yearOf(period)));
  if (previous) quarters.add(previous);
  if (next) for (const q of [next, ...quartersOfYear(yearOf(next))]) quarters.add(q);
  return { period, next, quarters: [...quarters] };
}
