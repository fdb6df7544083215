import type { Quarter } from './domain.types';
import {
  currentQuarter,
  lastCompleteQuarter,
  MIN_YEAR,
  quarterFromIndex,
  quarterIndex,
  yearOf,
} from './periods';

/** A range of quarters as a query gives it: either end may be missing. */
export interface RangeQuery {
  from?: Quarter | undefined;
  to?: Quarter | undefined;
}

/** Quarters the quarter list covers by default: the current one and the seven before. */
const PERIODS_SPAN = 8;

/**
 * The range of `GET …/periods` (quarter states): `to` defaults to the quarter of `now`, `from` to
 * seven quarters before `to`, never before 2000Q1. Ends given are kept as they are.
 * @throws RangeError on an invalid quarter or date.
 */
export function periodsRange(now: Date, q: RangeQuery = {}): { from: Quarter; to: Quarter } {
  const to = q.to ?? currentQuarter(now);
  const from =
    q.from ?? quarterFromIndex(Math.max(quarterIndex(to) - (PERIODS_SPAN - 1), MIN_YEAR * 4));
  return { from, to };
}

/**
 * The range of an export (`GET /api/exports/values`): `to` defaults to the quarter of `now`,
 * `from` to the first quarter two years before `to`'s year, never before 2000Q1. Ends given are
 * kept as they are.
 * @throws RangeError on an invalid quarter or date.
 */
export function exportRange(now: Date, q: RangeQuery = {}): { from: Quarter; to: Quarter } {
  const to = q.to ?? currentQuarter(now);
  const from = q.from ?? `${Math.max(yearOf(to) - 2, MIN_YEAR)}Q1`;
  return { from, to };
}

/** Quarters a dashboard shows by default: three years. */
const DASHBOARD_SPAN = 12;

/**
 * The range of a dashboard without one (the pole's screen, `GET /api/regions/{region}/values`):
 * `to` defaults to the last complete quarter before `now`, `from` to eleven quarters before `to`,
 * never before 2000Q1. Ends given are kept as they are.
 * @throws RangeError on an invalid quarter or date.
 */
export function dashboardRange(now: Date, q: RangeQuery = {}): { from: Quarter; to: Quarter } {
  const to = q.to ?? lastCompleteQuarter(now);
  const from =
    q.from ?? quarterFromIndex(Math.max(quarterIndex(to) - (DASHBOARD_SPAN - 1), MIN_YEAR * 4));
  return { from, to };
}
