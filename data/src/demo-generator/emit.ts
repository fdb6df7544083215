import type { Indicator } from '@ptce/shared/catalogue.schema';
import type { Cell } from '@ptce/shared/domain.types';
import { type ModelContext, type QuarterValue, weightsOf } from './context';
import { splitInteger } from './split';

/** A generated value of one pole: a cell plus an optional French comment. */
export type DemoValue = Cell & { pole: string; comment: string | null };

export interface EmitInput {
  pole: string;
  scope: string;
  indicator: Indicator;
  /** One value per quarter of `ctx.quarters`, in units of 10^-decimals. */
  series: QuarterValue[];
  comments: ReadonlyMap<number, string> | undefined;
  /** Dimensions the pole never fills. */
  skipDimensions: readonly string[];
  /** Draws the splits a model did not provide; gives the pole's dimension members. */
  ctx: ModelContext;
}

/**
 * The cells of one indicator of one scope: per quarter, the total (with its comment) then,
 * for each breakdown not skipped, every member of the dimension in catalogue order, zeros
 * included. Values are divided by the resolution only here, so slices stay exact.
 * Also returns the totals by quarter, for the targets.
 */
export function emitSeries(input: EmitInput): { values: DemoValue[]; totals: Map<string, number> } {
  const { indicator, ctx } = input;
  const res = 10 ** indicator.decimals;
  const dims = indicator.breakdowns.filter((d) => !input.skipDimensions.includes(d));
  const values: DemoValue[] = [];
  const totals = new Map<string, number>();
  input.series.forEach((qv, t) => {
    const period = ctx.quarters[t]!;
    const cell = { pole: input.pole, scope: input.scope, indicator: indicator.code, period };
    totals.set(period, qv.total / res);
    values.push({
      ...cell,
      slice: '',
      value: qv.total / res,
      comment: input.comments?.get(t) ?? null,
    });
    for (const dim of dims) {
      const slices = qv.slices[dim] ?? splitInteger(qv.total, weightsOf(ctx, dim), ctx.rng);
      for (const member of ctx.members(dim)) {
        const value = (slices[member] ?? 0) / res;
        values.push({ ...cell, slice: `${dim}=${member}`, value, comment: null });
      }
    }
  });
  return { values, totals };
}
