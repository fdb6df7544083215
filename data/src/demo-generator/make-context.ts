import type { Catalogue } from '@ptce/shared/catalogue.schema';
import type { ModelContext } from './context';
import { createRng } from './prng';
import { parseQuarter } from './quarters';

export interface ContextInput {
  catalogue: Catalogue;
  /** Random stream name; the same name always yields the same draws. */
  seed: string;
  quarters: string[];
  groupSlugs: string[];
  scale: number;
  growth: number;
}

/**
 * A model context for one pole scope. Working-group dimensions resolve to the pole's group
 * slugs followed by the catalogue members (`transversal`, `non_renseigne`).
 * @throws Error when a model asks for an unknown dimension or indicator.
 */
export function makeContext(input: ContextInput): ModelContext {
  const dimensions = new Map(input.catalogue.dimensions.map((d) => [d.code, d]));
  const decimals = new Map(input.catalogue.indicators.map((i) => [i.code, i.decimals]));
  const quarterNumbers = input.quarters.map((q) => parseQuarter(q).q);
  return {
    rng: createRng(input.seed),
    quarters: input.quarters,
    scale: input.scale,
    growth: input.growth,
    members(code) {
      const dim = dimensions.get(code);
      if (!dim) throw new Error(`unknown dimension ${code}`);
      const own = dim.members.map((m) => m.code);
      return dim.poleGroups ? [...input.groupSlugs, ...own] : own;
    },
    res(code) {
      const d = decimals.get(code);
      if (d === undefined) throw new Error(`unknown indicator ${code}`);
      return 10 ** d;
    },
    quarterOf: (t) => quarterNumbers[t]!,
    activity(t, season = [1, 1, 1, 1]) {
      return input.scale * (1 + input.growth) ** (t / 4) * season[quarterNumbers[t]! - 1]!;
    },
    fork: (name) => makeContext({ ...input, seed: `${input.seed}/${name}` }),
  };
}
