import type { Quarter } from '@ptce/shared/domain.types';
import { currentQuarter, quarterFromIndex, quarterIndex, quarterRange } from '@ptce/shared/periods';

/**
 * The columns of the CRESS grid on `now`: the `complete` quarters that ended last, then the
 * current quarter (a pole may already enter or submit it). `from`/`to` bound the API range.
 */
export function recentQuarters(
  now: Date,
  complete = 6,
): { from: Quarter; to: Quarter; quarters: Quarter[]; current: Quarter } {
  const current = currentQuarter(now);
  const from = quarterFromIndex(quarterIndex(current) - complete);
  return { from, to: current, quarters: quarterRange(from, current), current };
}
