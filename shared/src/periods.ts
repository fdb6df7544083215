import * as z from 'zod/mini';
import type { Quarter } from './domain.types';
import type { Lang } from './format';

export const MIN_YEAR = 2000;
export const MAX_YEAR = 2100;
/** Longest range `quarterRange` builds (a century is 400 quarters). */
export const MAX_RANGE_QUARTERS = 400;

const QUARTER_PATTERN = /^(\d{4})Q([1-4])$/;

type QuarterNumber = 1 | 2 | 3 | 4;
export interface QuarterParts {
  year: number;
  q: QuarterNumber;
}

const isYear = (year: number) => Number.isInteger(year) && year >= MIN_YEAR && year <= MAX_YEAR;

/** A quarter `YYYYQn`, year 2000–2100, n 1–4; no lower case, no white space. */
export const QuarterSchema = z.string().check(
  z.regex(QUARTER_PATTERN, 'quarter: YYYYQn, e.g. 2025Q2'),
  z.refine((s) => isYear(Number(s.slice(0, 4))), `quarter: year ${MIN_YEAR}–${MAX_YEAR}`),
);

/** Splits `2025Q2` into `{ year: 2025, q: 2 }`. @throws RangeError on an invalid quarter. */
export function parseQuarter(s: string): QuarterParts {
  const match = QUARTER_PATTERN.exec(s);
  const year = Number(match?.[1]);
  if (!match || !isYear(year)) throw new RangeError(`invalid quarter: ${JSON.stringify(s)}`);
  return { year, q: Number(match[2]) as QuarterNumber };
}

/** Writes `{ year: 2025, q: 2 }` as `2025Q2`. @throws RangeError on an invalid year or q. */
export function formatQuarter(parts: QuarterParts): Quarter {
  if (!isYear(parts.year) || ![1, 2, 3, 4].includes(parts.q)) {
    throw new RangeError(`invalid quarter parts: ${JSON.stringify(parts)}`);
  }
  return `${parts.year}Q${parts.q}`;
}

/**
 * `year × 4 + n − 1`: a total order of quarters usable for arithmetic and as a map key.
 * @throws RangeError on an invalid quarter.
 */
export function quarterIndex(q: Quarter): number {
  const { year, q: n } = parseQuarter(q);
  return year * 4 + n - 1;
}

/** Inverse of `quarterIndex`. @throws RangeError when the year falls outside 2000–2100. */
export function quarterFromIndex(index: number): Quarter {
  return formatQuarter({ year: Math.floor(index / 4), q: ((index % 4) + 1) as QuarterNumber });
}

/**
 * `q` moved by `delta` quarters, kept within the quarters there are (2000Q1–2100Q4): the first
 * quarter a screen reads back from (`-7` for a report's trend) never leaves the calendar.
 * @throws RangeError on an invalid quarter.
 */
export function shiftQuarterWithin(q: Quarter, delta: number): Quarter {
  const lo = MIN_YEAR * 4;
  const hi = MAX_YEAR * 4 + 3;
  return quarterFromIndex(Math.min(hi, Math.max(lo, quarterIndex(q) + delta)));
}

/** `T2 2025` in French, `Q2 2025` in English. @throws RangeError on an invalid quarter. */
export function quarterLabel(q: Quarter, lang: Lang): string {
  const { year, q: n } = parseQuarter(q);
  return `${lang === 'fr' ? 'T' : 'Q'}${n} ${year}`;
}

/** The quarter before: `2025Q1` → `2024Q4`. @throws RangeError before 2000Q1. */
export function previousQuarter(q: Quarter): Quarter {
  return quarterFromIndex(quarterIndex(q) - 1);
}

/** The quarter after: `2024Q4` → `2025Q1`. @throws RangeError after 2100Q4. */
export function nextQuarter(q: Quarter): Quarter {
  return quarterFromIndex(quarterIndex(q) + 1);
}

/** `2025Q2` → `2024Q2`. @throws RangeError before 2000. */
export function sameQuarterLastYear(q: Quarter): Quarter {
  return quarterFromIndex(quarterIndex(q) - 4);
}

/** Negative, 0 or positive (−1, 0, 1) as `a` is before, equal to or after `b`. */
export function compareQuarters(a: Quarter, b: Quarter): number {
  return Math.sign(quarterIndex(a) - quarterIndex(b));
}

/**
 * Every quarter from `from` to `to`, both included, in order; empty when `from` > `to`.
 * @throws RangeError on an invalid quarter or a range longer than 400 quarters.
 */
export function quarterRange(from: Quarter, to: Quarter): Quarter[] {
  const start = quarterIndex(from);
  const end = quarterIndex(to);
  if (end - start + 1 > MAX_RANGE_QUARTERS) {
    throw new RangeError(`range ${from}–${to} exceeds ${MAX_RANGE_QUARTERS} quarters`);
  }
  const out: Quarter[] = [];
  for (let i = start; i <= end; i++) out.push(quarterFromIndex(i));
  return out;
}

/** `2025` → `['2025Q1', '2025Q2', '2025Q3', '2025Q4']`. @throws RangeError outside 2000–2100. */
export function quartersOfYear(year: number): Quarter[] {
  return ([1, 2, 3, 4] as const).map((q) => formatQuarter({ year, q }));
}

/** The calendar year of a quarter. @throws RangeError on an invalid quarter. */
export function yearOf(q: Quarter): number {
  return parseQuarter(q).year;
}

const QUARTER_END = ['03-31', '06-30', '09-30', '12-31'] as const;

/** ISO date of the quarter's last day: `2025Q2` → `2025-06-30`. */
export function quarterEndDate(q: Quarter): string {
  const { year, q: n } = parseQuarter(q);
  return `${year}-${QUARTER_END[n - 1]}`;
}

function dateQuarterIndex(date: Date): number {
  const time = date.getTime();
  if (Number.isNaN(time)) throw new RangeError('invalid date');
  return date.getUTCFullYear() * 4 + Math.floor(date.getUTCMonth() / 3);
}

/**
 * The quarter containing `date`, read in UTC (2025-05-10 → `2025Q2`).
 * @throws RangeError on an invalid date or a year outside 2000–2100.
 */
export function currentQuarter(date: Date): Quarter {
  return quarterFromIndex(dateQuarterIndex(date));
}

/**
 * The quarter that ended most recently before `date` (UTC calendar): on 2025-05-10 and on
 * 2025-04-01 it is `2025Q1`; on 2025-03-31 the first quarter is not over, so `2024Q4`.
 * @throws RangeError on an invalid date or a result outside 2000–2100.
 */
export function lastCompleteQuarter(date: Date): Quarter {
  return quarterFromIndex(dateQuarterIndex(date) - 1);
}
