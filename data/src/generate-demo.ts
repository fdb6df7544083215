import type { Catalogue } from '@ptce/shared/catalogue.schema';
import type { DemoDefinition } from './demo';
import { poleScopes } from './demo';
import type { ModelContext, ModelResult } from './demo-generator/context';
import { type DemoValue, emitSeries } from './demo-generator/emit';
import { makeContext } from './demo-generator/make-context';
import { developpementSocial } from './demo-generator/model-ds';
import { genericSeries } from './demo-generator/model-generic';
import { mobiliteSociale } from './demo-generator/model-ms';
import { ptceActivity } from './demo-generator/model-ptce-activity';
import { ptceEconomy } from './demo-generator/model-ptce-economy';
import { ptceMembers } from './demo-generator/model-ptce-members';
import { transitionEcologique } from './demo-generator/model-te';
import { quarterRange } from './demo-generator/quarters';
import { mergeResults } from './demo-generator/result';
import { yearlyTargets } from './demo-generator/targets';

export type { DemoValue };
/** A generated yearly target. */
export interface DemoTarget {
  pole: string;
  scope: string;
  indicator: string;
  year: number;
  value: number;
}
export interface GenerateDemoOptions {
  /** Any number or string; the same seed always yields the same output. */
  seed: number | string;
  /** First quarter, `YYYYQn` (the demo starts at `2023Q1`). */
  from: string;
  /** Last quarter included, typically the last complete quarter before today. */
  to: string;
}

/** Dedicated models per catalogue theme; other themes fall back to `genericSeries`. */
const THEME_MODELS: Record<string, (ctx: ModelContext) => ModelResult> = {
  ptce: (ctx) => {
    const members = ptceMembers(ctx.fork('members'));
    return mergeResults(
      members,
      ptceActivity(ctx.fork('activity'), members),
      ptceEconomy(ctx.fork('economy'), members),
    );
  },
  transition_ecologique: transitionEcologique,
  developpement_social: developpementSocial,
  mobilite_sociale: mobiliteSociale,
};

/**
 * Deterministic demo values and targets for every pole and scope of `demo`, from `from` to
 * `to`: totals of every tracked non-ratio indicator, the slices of every breakdown the pole
 * does not skip (each dimension's slices, `non_renseigne` included, sum to the total), a few
 * French comments, and one target per indicator, scope and year. No clock, no Math.random:
 * the output depends only on the arguments, and a longer range keeps earlier quarters as
 * they were. Ratios are never generated (they are computed).
 * @throws Error on a malformed quarter, an empty range or an indicator missing from the catalogue.
 */
export function generateDemoValues(
  demo: DemoDefinition,
  catalogue: Catalogue,
  options: GenerateDemoOptions,
): { values: DemoValue[]; targets: DemoTarget[] } {
  const quarters = quarterRange(options.from, options.to);
  const byCode = new Map(catalogue.indicators.map((i) => [i.code, i]));
  const values: DemoValue[] = [];
  const targets: DemoTarget[] = [];
  for (const pole of demo.poles) {
    const { scale, growth, skipDimensions } = pole.generator;
    const groupSlugs = pole.groups.map((g) => g.slug);
    for (const scope of poleScopes(pole)) {
      const tracked = scope.indicators.map((code) => {
        const indicator = byCode.get(code);
        if (!indicator) throw new Error(`${pole.slug}/${scope.slug}: unknown indicator ${code}`);
        return indicator;
      });
      const base = { catalogue, quarters, groupSlugs, scale, growth };
      const seed = `${options.seed}|${pole.slug}|${scope.slug}`;
      const results = new Map<string, ModelResult>();
      for (const indicator of tracked.filter((i) => i.kind !== 'ratio')) {
        const ctx = makeContext({ ...base, seed: `${seed}|${indicator.theme}` });
        let result = results.get(indicator.theme);
        if (!result) {
          result = THEME_MODELS[indicator.theme]?.(ctx) ?? mergeResults();
          results.set(indicator.theme, result);
        }
        const series =
          result.series.get(indicator.code) ?? genericSeries(ctx.fork(indicator.code), indicator);
        const emitted = emitSeries({
          pole: pole.slug,
          scope: scope.slug,
          indicator,
          series,
          comments: result.comments.get(indicator.code),
          skipDimensions,
          ctx: ctx.fork(`slices/${indicator.code}`),
        });
        values.push(...emitted.values);
        for (const target of yearlyTargets(indicator, emitted.totals, growth)) {
          targets.push({
            pole: pole.slug,
            scope: scope.slug,
            indicator: indicator.code,
            ...target,
          });
        }
      }
    }
  }
  return { values, targets };
}
