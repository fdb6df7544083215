import { evaluateCompareRule, evaluateZeroPairs } from './rules.compare';
import { buildContext, type EvaluateRulesInput, type RuleContext } from './rules.context';
import { ERROR_RULES } from './rules.errors.data';
import { evaluateBreakdownSums, evaluateValueBounds } from './rules.generic';
import { evaluateOutlierRule } from './rules.outliers';
import { OUTLIER_RULES } from './rules.outliers.data';
import type { RuleDeclaration, RuleIssue } from './rules.types';
import { WARNING_RULES } from './rules.warnings.data';

export type { EvaluateRulesInput } from './rules.context';
export type { RuleDeclaration, RuleIssue } from './rules.types';
export { issueMessage } from './rules.types';

/**
 * The consistency rules of `reference/INDICATORS.md`, each declared once as data: compare
 * rules are checked within one scope on the total (and per slice with `perSliceOf`); generic
 * kinds (E5 breakdown sums, E7 zero-session pairs, E8 value bounds, O1–O3 outliers against
 * each series' own history) are parametrised.
 */
export const RULES: readonly RuleDeclaration[] = [
  ...ERROR_RULES,
  ...WARNING_RULES,
  ...OUTLIER_RULES,
];

/** The ids of the declared rules, in declaration order (`E1` … `E9`, `W1` … `W7`, `O1` … `O3`). */
export function ruleIds(): string[] {
  return RULES.map((rule) => rule.id);
}

function evaluateRule(
  ctx: RuleContext,
  rule: RuleDeclaration,
  scope: string,
  tracked: ReadonlySet<string>,
): RuleIssue[] {
  switch (rule.kind) {
    case 'compare':
      return evaluateCompareRule(ctx, rule, scope, tracked);
    case 'zero-implies-zero':
      return evaluateZeroPairs(ctx, rule, scope, tracked);
    case 'breakdown-sums':
      return evaluateBreakdownSums(ctx, rule, scope, tracked);
    case 'value-bounds':
      return evaluateValueBounds(ctx, rule, scope, tracked);
    case 'outlier':
      return evaluateOutlierRule(ctx, rule, scope, tracked);
  }
}

/**
 * Checks one pole's quarter against every rule of `RULES`, scope by scope. A rule applies to
 * a scope only when the scope tracks every indicator it reads, and only on entered values: a
 * missing required input skips it (no issue); optional terms (parts of a sum bounded by a
 * total) count as 0. Cells of other scopes, untracked indicators or other periods than the
 * checked quarter, its previous quarter, (for a Q4) its year and the outlier rules' history
 * (`rulesWindow().history`) are ignored. Run on a stored quarter with its window's cells, it
 * gives the issues standing there (`O1`–`O3`: outlier warnings).
 * Issues come in scope order, then rule order; `cells` lists the checked quarter's cells
 * involved. Pure and synchronous; linear in the number of cells.
 * @throws RangeError when `input.period` is not a valid quarter.
 */
export function evaluateRules(input: EvaluateRulesInput): RuleIssue[] {
  const ctx = buildContext(input);
  const issues: RuleIssue[] = [];
  for (const scope of input.scopes) {
    const tracked = new Set(scope.indicators);
    for (const rule of RULES) issues.push(...evaluateRule(ctx, rule, scope.slug, tracked));
  }
  return issues;
}
