import { checkBreakdowns } from './breakdowns';
import { INTEGER_UNITS, type Indicator, TOTAL_SLICE } from './catalogue.schema';
import { makeIssue, type RuleContext } from './rules.context';
import type { BreakdownSumRule, RuleIssue, RuleMessages, ValueBoundsRule } from './rules.types';

/** The tracked, entered (non-ratio) indicators of a scope with their cells of the period. */
function* trackedCells(ctx: RuleContext, scope: string, tracked: ReadonlySet<string>) {
  for (const code of tracked) {
    const indicator = ctx.indicators.get(code);
    const cells = ctx.current.get(`${scope}|${code}`);
    if (!indicator || indicator.kind === 'ratio' || !cells) continue;
    yield { indicator, cells };
  }
}

/**
 * E5: for each tracked indicator, each breakdown dimension with a filled slice must sum to
 * the total; slices without a total are reported with `missingTotalMessages`.
 */
export function evaluateBreakdownSums(
  ctx: RuleContext,
  rule: BreakdownSumRule,
  scope: string,
  tracked: ReadonlySet<string>,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const { indicator, cells } of trackedCells(ctx, scope, tracked)) {
    const total = cells.find((c) => c.slice === TOTAL_SLICE)?.value ?? null;
    for (const result of checkBreakdowns(total, cells)) {
      if (result.ok) continue;
      const keys = total === null ? result.slices : [TOTAL_SLICE, ...result.slices];
      const params: Record<string, number | string> = {
        indicator: indicator.code,
        dimension: result.dimension,
        sum: result.sum,
      };
      if (total !== null) params.total = total;
      const messages = result.missing ? rule.missingTotalMessages : rule.messages;
      const involved = keys.map((slice) => ({ scope, indicator: indicator.code, slice }));
      const issue = { rule: rule.id, severity: rule.severity, scope, slice: TOTAL_SLICE };
      const formats = { sum: indicator.code, total: indicator.code };
      issues.push(makeIssue(ctx, issue, messages, involved, params, formats));
    }
  }
  return issues;
}

/** The failed checks of one value: sign or minimum, whole number, maximum. */
function boundProblems(rule: ValueBoundsRule, indicator: Indicator, value: number) {
  const problems: Array<{ messages: RuleMessages; params: Record<string, number> }> = [];
  if (value < 0) problems.push({ messages: rule.messages, params: {} });
  else if (indicator.min !== null && value < indicator.min) {
    problems.push({ messages: rule.belowMinMessages, params: { min: indicator.min } });
  }
  if (INTEGER_UNITS.includes(indicator.unit) && !Number.isInteger(value)) {
    problems.push({ messages: rule.notIntegerMessages, params: {} });
  }
  if (indicator.max !== null && value > indicator.max) {
    problems.push({ messages: rule.aboveMaxMessages, params: { max: indicator.max } });
  }
  return problems;
}

/**
 * E8: every cell of the period (total and slices) of a tracked indicator is non-negative,
 * whole for `count`/`persons`, and within the indicator's min/max: one issue per failed check.
 */
export function evaluateValueBounds(
  ctx: RuleContext,
  rule: ValueBoundsRule,
  scope: string,
  tracked: ReadonlySet<string>,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const { indicator, cells } of trackedCells(ctx, scope, tracked)) {
    for (const cell of cells) {
      for (const problem of boundProblems(rule, indicator, cell.value)) {
        const params = { indicator: indicator.code, value: cell.value, ...problem.params };
        const involved = [{ scope, indicator: cell.indicator, slice: cell.slice }];
        const issue = { rule: rule.id, severity: rule.severity, scope, slice: cell.slice };
        const code = indicator.code;
        const formats = { value: code, min: code, max: code };
        issues.push(makeIssue(ctx, issue, problem.messages, involved, params, formats));
      }
    }
  }
  return issues;
}
