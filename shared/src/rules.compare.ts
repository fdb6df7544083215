import { RELATIVE_TOLERANCE } from './breakdowns';
import { TOTAL_SLICE } from './catalogue.schema';
import { cellKeyOf } from './domain.types';
import { makeIssue, type ParamFormats, type RuleContext } from './rules.context';
import type {
  CompareRule,
  RuleComparator,
  RuleComparison,
  RuleExpression,
  RuleIssue,
  RuleIssueCell,
  RuleMessages,
  RuleSeverity,
  RuleTerm,
  ZeroImpliesZeroRule,
} from './rules.types';
import { dimensionMembers } from './slices';

/** Whether `left op right` holds, with a relative tolerance of 1e-9 (float rounding). */
function compareValues(left: number, op: RuleComparator, right: number): boolean {
  const eps = RELATIVE_TOLERANCE * Math.max(Math.abs(left), Math.abs(right));
  switch (op) {
    case '<=':
      return left <= right + eps;
    case '<':
      return left < right - eps;
    case '=':
      return Math.abs(left - right) <= eps;
    case '>=':
      return left >= right - eps;
    case '>':
      return left > right + eps;
  }
}

type Mode = { year: string | null };

function readTerm(ctx: RuleContext, scope: string, term: RuleTerm, slice: string, mode: Mode) {
  const key = (period: string) => cellKeyOf(scope, term.indicator, period, term.slice ?? slice);
  if (mode.year !== null) {
    if (term.offset === -1 || !ctx.year) return undefined;
    let sum = 0;
    for (const period of ctx.year) {
      const value = ctx.values.get(key(period));
      if (value === undefined) return undefined;
      sum += value;
    }
    return sum;
  }
  const period = term.offset === -1 ? ctx.previous : ctx.period;
  return period === null ? undefined : ctx.values.get(key(period));
}

interface Evaluation {
  params: Record<string, number | string>;
  /** Each number param's indicator: a term's own, a side's that of its comparison. */
  formats: ParamFormats;
  cells: Map<string, RuleIssueCell>;
}

/** Σ coef × term + constant, or null when a required term is missing or no term is present. */
function evalSide(
  ctx: RuleContext,
  scope: string,
  expr: RuleExpression,
  slice: string,
  mode: Mode,
  out: Evaluation,
): number | null {
  let sum = expr.constant ?? 0;
  let present = 0;
  for (const term of expr.terms) {
    const value = readTerm(ctx, scope, term, slice, mode);
    if (value === undefined && !term.optional) return null;
    out.params[term.name] = value ?? 0;
    out.formats[term.name] = term.indicator;
    if (value === undefined) continue;
    present++;
    const coef = term.coef ?? 1;
    if (typeof coef === 'number') sum += coef * value;
    else {
      out.params[coef.setting] = ctx.settings[coef.setting];
      sum += ctx.settings[coef.setting] * coef.factor * value;
    }
    if (term.offset !== -1) {
      const cell = { scope, indicator: term.indicator, slice: term.slice ?? slice };
      out.cells.set(cellKeyOf(scope, cell.indicator, '', cell.slice), cell);
    }
  }
  return expr.terms.length > 0 && present === 0 ? null : sum;
}

/** Evaluates a comparison: null when its inputs are missing, else whether it holds. */
function check(
  ctx: RuleContext,
  scope: string,
  c: RuleComparison,
  slice: string,
  mode: Mode,
  out: Evaluation,
  main: boolean,
) {
  const left = evalSide(ctx, scope, c.left, slice, mode, out);
  const right = evalSide(ctx, scope, c.right, slice, mode, out);
  if (left === null || right === null) return null;
  const leftName = c.leftName ?? (main ? 'left' : undefined);
  const rightName = c.rightName ?? (main ? 'right' : undefined);
  // Both sides of a comparison are in one unit: the indicator of its first term.
  const format = (c.left.terms[0] ?? c.right.terms[0])?.indicator;
  for (const [name, side] of [
    [leftName, left],
    [rightName, right],
  ] as const) {
    if (!name) continue;
    out.params[name] = side;
    if (format) out.formats[name] = format;
  }
  return compareValues(left, c.op, right);
}

interface Variant {
  severity: RuleSeverity;
  messages: RuleMessages;
  mode: Mode;
  extraParams?: Record<string, string>;
}

function evaluateOne(
  ctx: RuleContext,
  rule: CompareRule,
  scope: string,
  slice: string,
  v: Variant,
): RuleIssue | null {
  const out: Evaluation = { params: { ...v.extraParams }, formats: {}, cells: new Map() };
  if (v.mode.year !== null) out.params.year = v.mode.year;
  const holds = check(ctx, scope, rule.assert, slice, v.mode, out, true);
  if (holds !== false) return null;
  if (rule.onlyIf && check(ctx, scope, rule.onlyIf, slice, v.mode, out, false) !== true)
    return null;
  const issue = { rule: rule.id, severity: v.severity, scope, slice };
  return makeIssue(ctx, issue, v.messages, [...out.cells.values()], out.params, out.formats);
}

function termsOf(rule: CompareRule): RuleTerm[] {
  const sides = [rule.assert, ...(rule.onlyIf ? [rule.onlyIf] : [])];
  return sides.flatMap((c) => [...c.left.terms, ...c.right.terms]);
}

/**
 * Issues of a compare rule for one scope: on the total, then on each slice of `perSliceOf`,
 * and on a Q4 at year level when the rule has a `yearly` variant. Nothing when the scope does
 * not track every indicator the rule reads.
 */
export function evaluateCompareRule(
  ctx: RuleContext,
  rule: CompareRule,
  scope: string,
  tracked: ReadonlySet<string>,
  extraParams?: Record<string, string>,
): RuleIssue[] {
  if (!termsOf(rule).every((term) => tracked.has(term.indicator))) return [];
  const dimension = rule.perSliceOf ? ctx.dimensions.get(rule.perSliceOf) : undefined;
  const members = dimension ? dimensionMembers(dimension, ctx.poleGroupSlugs) : [];
  const slices = [TOTAL_SLICE, ...members.map((m) => `${rule.perSliceOf}=${m}`)];
  const variants: Variant[] = [
    { severity: rule.severity, messages: rule.messages, mode: { year: null }, extraParams },
  ];
  if (rule.yearly && ctx.year) {
    const year = ctx.period.slice(0, 4);
    variants.push({ ...rule.yearly, mode: { year }, extraParams });
  }
  const issues: RuleIssue[] = [];
  for (const slice of slices) {
    for (const variant of variants) {
      const issue = evaluateOne(ctx, rule, scope, slice, variant);
      if (issue) issues.push(issue);
    }
  }
  return issues;
}

/** Each pair of a zero-implies-zero rule as the compare rule `attendances ≤ 0 if sessions = 0`. */
export function evaluateZeroPairs(
  ctx: RuleContext,
  rule: ZeroImpliesZeroRule,
  scope: string,
  tracked: ReadonlySet<string>,
): RuleIssue[] {
  return rule.pairs.flatMap(({ sessions, attendances }) => {
    const asCompare: CompareRule = {
      ...rule,
      kind: 'compare',
      assert: {
        left: { terms: [{ name: 'attendances', indicator: attendances }] },
        op: '<=',
        right: { terms: [] },
      },
      onlyIf: {
        left: { terms: [{ name: 'sessions', indicator: sessions }] },
        op: '=',
        right: { terms: [] },
      },
    };
    const extra = { sessionsIndicator: sessions, attendancesIndicator: attendances };
    return evaluateCompareRule(ctx, asCompare, scope, tracked, extra);
  });
}
