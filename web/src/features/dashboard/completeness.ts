import type { Quarter } from '@ptce/shared/domain.types';
import { compareQuarters, currentQuarter, yearOf } from '@ptce/shared/periods';
import type { PeriodWithCompleteness } from '@ptce/shared/periods.schema';

/** A quarter of the range where some scope lacks values. */
export interface MissingQuarter {
  period: Quarter;
  scopes: Array<{ scope: string; filled: number; expected: number }>;
}

/**
 * The quarters of `from`…`to` (in order) with at least one scope whose entered values are
 * fewer than expected, and those scopes, in the order of `scopeOrder` (unknown scopes last).
 */
export function missingQuarters(
  periods: readonly PeriodWithCompleteness[],
  from: Quarter,
  to: Quarter,
  scopeOrder: readonly string[] = [],
): MissingQuarter[] {
  const rank = (s: string) => {
    const i = scopeOrder.indexOf(s);
    return i < 0 ? scopeOrder.length : i;
  };
  return periods
    .filter((p) => compareQuarters(p.period, from) >= 0 && compareQuarters(p.period, to) <= 0)
    .map((p) => ({
      period: p.period,
      scopes: p.scopes
        .filter((s) => s.filled < s.expected)
        .sort((a, b) => rank(a.scope) - rank(b.scope)),
    }))
    .filter((m) => m.scopes.length > 0)
    .sort((a, b) => compareQuarters(a.period, b.period));
}

/** Years of quarters the dashboard offers and asks the completeness of, before the current one. */
const YEARS_BACK = 9;

/** The quarters whose status and completeness the dashboard loads: Q1 nine years ago → now. */
export function periodsWindow(now: Date): { from: Quarter; to: Quarter } {
  const to = currentQuarter(now);
  return { from: `${yearOf(to) - YEARS_BACK}Q1`, to };
}

/** The last quarter where any value was entered, or null when none was. */
export function latestEnteredQuarter(periods: readonly PeriodWithCompleteness[]): Quarter | null {
  let latest: Quarter | null = null;
  for (const p of periods) {
    if (!p.scopes.some((s) => s.filled > 0)) continue;
    if (latest === null || compareQuarters(p.period, latest) > 0) latest = p.period;
  }
  return latest;
}
