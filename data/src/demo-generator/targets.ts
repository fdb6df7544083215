import type { Indicator } from '@ptce/shared/catalogue.schema';
import { INTEGER_UNITS } from '@ptce/shared/catalogue.schema';
import { parseQuarter } from './quarters';

/** Extra ambition of a target over the pole's own trend. */
const AMBITION = 0.05;

/** Rounds a target up to a figure a coordinator would write. */
function roundTarget(indicator: Indicator, value: number): number {
  if (INTEGER_UNITS.includes(indicator.unit)) return Math.ceil(value);
  if (indicator.unit === 'eur') return Math.ceil(value / 100) * 100;
  const f = 10 ** indicator.decimals;
  return Math.ceil(Math.round(value * f * 1e6) / 1e6) / f;
}

/**
 * One yearly target per year present in `totals` (quarter → total value) of a flow or stock:
 * the previous year's result when complete (flow: its 4 quarters summed, stock: its Q4), else
 * the year's own quarters annualised, raised by the pole's growth plus 5 %.
 */
export function yearlyTargets(
  indicator: Indicator,
  totals: ReadonlyMap<string, number>,
  growth: number,
): Array<{ year: number; value: number }> {
  const years = new Map<number, Array<{ q: number; value: number }>>();
  for (const [quarter, value] of totals) {
    const { year, q } = parseQuarter(quarter);
    years.set(year, [...(years.get(year) ?? []), { q, value }]);
  }
  const result = (year: number, requireComplete: boolean): number | null => {
    const list = (years.get(year) ?? []).sort((a, b) => a.q - b.q);
    if (list.length === 0) return null;
    if (indicator.kind === 'stock') {
      const last = list[list.length - 1]!;
      return requireComplete && last.q !== 4 ? null : last.value;
    }
    if (requireComplete && list.length < 4) return null;
    return (list.reduce((s, x) => s + x.value, 0) * 4) / list.length;
  };
  return [...years.keys()]
    .sort((a, b) => a - b)
    .map((year) => {
      const base = result(year - 1, true) ?? result(year, false) ?? 0;
      return { year, value: roundTarget(indicator, base * (1 + Math.max(0, growth) + AMBITION)) };
    });
}
