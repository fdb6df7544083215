import type { Dimension, Indicator } from '../catalogue.schema';
import { TOTAL_SLICE } from '../catalogue.schema';

/**
 * A rank for ordering an indicator's slices: the total first, then its breakdown dimensions in
 * the indicator's order, members in the dimension's order (pole working groups, not listed in
 * the catalogue, come first within their dimension; ties are broken by the caller).
 */
export function sliceRanker(dimensions: readonly Dimension[]) {
  const memberIndex = new Map(
    dimensions.map((d) => [d.code, new Map(d.members.map((m, i) => [m.code, i + 1]))]),
  );
  return (indicator: Indicator, slice: string): number => {
    if (slice === TOTAL_SLICE) return 0;
    const eq = slice.indexOf('=');
    const dim = slice.slice(0, eq);
    const d = indicator.breakdowns.indexOf(dim);
    const member = memberIndex.get(dim)?.get(slice.slice(eq + 1)) ?? 0;
    return (d < 0 ? 999 : d + 1) * 10_000 + member;
  };
}
