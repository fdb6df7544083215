import { evaluateRules, type RuleIssue } from '@ptce/shared/rules';
import { describe, expect, it } from 'vitest';
import { loadCatalogue } from './catalogue';
import { loadDemo, poleScopes } from './demo';
import { quarterRange } from './demo-generator/quarters';
import { generateDemoValues } from './generate-demo';

const catalogue = loadCatalogue();
const demo = loadDemo();
const from = '2023Q1';
const to = '2026Q3';

/** Every issue the shared validator reports on the generated demo, quarter by quarter. */
function issuesOf(seed: number): RuleIssue[] {
  const { values } = generateDemoValues(demo, catalogue, { seed, from, to });
  const issues: RuleIssue[] = [];
  for (const pole of demo.poles) {
    const cells = values.filter((v) => v.pole === pole.slug);
    const scopes = poleScopes(pole).map(({ slug, indicators }) => ({ slug, indicators }));
    const poleGroupSlugs = pole.groups.map((g) => g.slug);
    for (const period of quarterRange(from, to)) {
      const year = period.slice(0, 4);
      const previous = quarterRange(from, period).at(-2);
      const input = cells.filter((c) => c.period.startsWith(year) || c.period === previous);
      issues.push(...evaluateRules({ catalogue, period, scopes, poleGroupSlugs, values: input }));
    }
  }
  return issues;
}

describe('generated demo against the shared validator (evaluateRules)', () => {
  it.each([2026, 1, 99])('reports no error for any pole, scope or quarter (seed %i)', (seed) => {
    const issues = issuesOf(seed);
    const errors = issues.filter((i) => i.severity === 'error');
    expect(
      errors.map((i) => `${i.rule} ${i.scope} ${i.period} ${i.slice}: ${i.messageFr}`),
    ).toEqual([]);
    // Warnings are allowed but rare: a multi-year award (W7) now and then. Outlier warnings
    // (O1–O3) are measured against each value's own history in generate-demo.outliers.test.ts.
    expect(issues.filter((i) => !/^O\d$/.test(i.rule)).length).toBeLessThan(10);
  });
});
