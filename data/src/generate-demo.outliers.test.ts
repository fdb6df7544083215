import { evaluateRules } from '@ptce/shared/rules';
import { rulesWindow } from '@ptce/shared/rules.window';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogue';
import { loadDemo, poleScopes } from './demo';
import { quarterRange } from './demo-generator/quarters';
import { generateDemoValues } from './generate-demo';

const catalogue = loadCatalogue();
const demo = loadDemo();
const from = '2023Q1';
const to = '2026Q3';
const NOW = new Date('2026-11-15T12:00:00Z');

/**
 * Every generated demo value judged by the shared evaluator against its own history (the
 * cells of its quarter's rules window, history included): how many values an outlier warning
 * (O1–O3) lands on, of all values and of the totals (the rules judge totals only).
 */
function outlierRate(seed: number) {
  const { values } = generateDemoValues(demo, catalogue, { seed, from, to });
  const flagged = new Set<string>();
  const byRule: Record<string, number> = {};
  for (const pole of demo.poles) {
    const cells = values.filter((v) => v.pole === pole.slug);
    const scopes = poleScopes(pole).map(({ slug, indicators }) => ({ slug, indicators }));
    const poleGroupSlugs = pole.groups.map((g) => g.slug);
    for (const period of quarterRange(from, to)) {
      const window = rulesWindow(period, NOW);
      const read = new Set([...window.quarters, ...window.history]);
      const input = cells.filter((c) => read.has(c.period));
      for (const issue of evaluateRules({
        catalogue,
        period,
        scopes,
        poleGroupSlugs,
        values: input,
      })) {
        if (!/^O\d$/.test(issue.rule)) continue;
        expect(issue.severity).toBe('warning');
        byRule[issue.rule] = (byRule[issue.rule] ?? 0) + 1;
        for (const c of issue.cells)
          flagged.add(`${pole.slug}|${c.scope}|${c.indicator}|${period}|${c.slice}`);
      }
    }
  }
  const totals = values.filter((v) => v.slice === '').length;
  return { values: values.length, totals, flagged: flagged.size, byRule };
}

describe('outlier warnings on the generated demo (each value against its own history)', () => {
  // 2014: the seed the server's demo is made with.
  it.each([2014, 2026, 1, 99])('flag fewer than 2 % of the values (seed %i)', (seed) => {
    const r = outlierRate(seed);
    const share = (n: number, of: number) => `${((100 * n) / of).toFixed(2)} %`;
    console.info(
      `demo seed ${seed}: ${r.flagged} of ${r.values} values flagged (${share(r.flagged, r.values)}), ` +
        `${share(r.flagged, r.totals)} of the ${r.totals} totals; issues ${JSON.stringify(r.byRule)}`,
    );
    expect(r.flagged / r.values).toBeLessThan(0.02);
    // The rules judge totals only: they must stay rare there too.
    expect(r.flagged / r.totals).toBeLessThan(0.05);
  });
});
