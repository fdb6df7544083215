import { quarterTakesValues } from '@ptce/shared/period-workflow';
import { compareQuarters, currentQuarter } from '@ptce/shared/periods';
import type { PeriodsResponse } from '@ptce/shared/periods.schema';

/**
 * Whether `period` takes an import, from the pole's quarters: `locked` (submitted or
 * validated), `future`, else `open`. Unknown states (not loaded, out of the list) count as
 * open: the server still refuses a locked quarter.
 */
export function importTakes(
  periods: PeriodsResponse | undefined,
  period: string,
  now: Date,
): 'open' | 'future' | 'locked' {
  const status = periods?.periods.find((p) => p.period === period)?.status ?? 'draft';
  return quarterTakesValues(period, status, now);
}

/**
 * The quarter the import opens on: the latest one that can still be changed (a started
 * draft), else the current quarter.
 */
export function defaultImportQuarter(periods: PeriodsResponse, now: Date): string {
  const current = currentQuarter(now);
  const open = periods.periods
    .filter((p) => quarterTakesValues(p.period, p.status, now) === 'open')
    .map((p) => p.period)
    .sort((a, b) => compareQuarters(b, a));
  return open[0] ?? current;
}
