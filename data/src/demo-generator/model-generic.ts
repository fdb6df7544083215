import type { Indicator, Unit } from '@ptce/shared/catalogue.schema';
import type { ModelContext, QuarterValue } from './context';
import { independent } from './context';

/** A plausible quarterly level per unit, for indicators no dedicated model knows. */
const LEVEL: Record<Unit, number> = {
  count: 10,
  persons: 50,
  fte: 5,
  eur: 20_000,
  tonnes: 20,
  hours: 500,
  percent: 50,
  mwh: 10,
};

/**
 * A fallback series for an indicator added to the catalogue after the demo models were
 * written: a smooth random walk for a stock, a noisy trend for a flow, default splits.
 */
export function genericSeries(ctx: ModelContext, indicator: Indicator): QuarterValue[] {
  const { rng } = ctx;
  const res = ctx.res(indicator.code);
  const dims = indicator.breakdowns.map((d) => [d, {}] as const);
  let level = LEVEL[indicator.unit] * ctx.scale;
  return ctx.quarters.map((_, t) => {
    if (indicator.kind === 'stock') level *= 1 + rng.normal(ctx.growth / 4, 0.03);
    const value =
      indicator.kind === 'stock'
        ? level
        : LEVEL[indicator.unit] * ctx.activity(t) * (1 + rng.normal(0, 0.15));
    return independent(ctx, Math.max(0, Math.round(value * res)), dims);
  });
}
