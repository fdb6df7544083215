import { TOTAL_SLICE } from './catalogue.schema';
import { type Cell, cellKeyOf } from './domain.types';
import { makeIssue, type RuleContext } from './rules.context';
import type { OutlierComparison, OutlierRule, RuleIssue } from './rules.types';

/** MAD × 1.4826 estimates a normal law's standard deviation. */
const MAD_SCALE = 1.4826;
/** Mean absolute deviation × √(π/2) does the same: the scale used when the MAD is 0. */
const MEAN_AD_SCALE = Math.sqrt(Math.PI / 2);
/** Relative tolerance of the ×/÷ comparisons (a value of exactly 3 × the reference is not beyond). */
const EPSILON = 1e-9;

/** The median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/**
 * The robust z-score of `x` against `history` (non-empty): |x − median| ÷ (1.4826 · MAD). When
 * more than half the history equals its median (MAD = 0: constant or zero-heavy series), the
 * scale is 1.2533 × the mean absolute deviation from the median instead (the usual fallback of
 * the modified z-score); when that is 0 too (a constant series), any change scores Infinity
 * and only the rule's materiality guards (share of the median, unit floor) decide.
 */
export function robustScore(x: number, history: readonly number[]): number {
  const med = median(history);
  const deviations = history.map((h) => Math.abs(h - med));
  const mad = median(deviations);
  const meanAd = deviations.reduce((s, d) => s + d, 0) / deviations.length;
  const scale = mad > 0 ? MAD_SCALE * mad : MEAN_AD_SCALE * meanAd;
  const diff = Math.abs(x - med);
  if (diff === 0) return 0;
  return scale > 0 ? diff / scale : Number.POSITIVE_INFINITY;
}

/** What a value is compared with: a reference, and the params the message quotes. */
interface Finding {
  reference: number;
  params: Record<string, number | string>;
}

/**
 * The last entered values of the cell's series, most recent first, at most `count`: read once
 * per evaluation for the three rules (`ctx.histories`).
 */
function enteredHistory(ctx: RuleContext, cell: Cell, count: number): number[] {
  const key = cellKeyOf(cell.scope, cell.indicator, '', cell.slice);
  let all = ctx.histories.get(key);
  if (!all) {
    all = [];
    for (const period of ctx.before) {
      const value = ctx.values.get(cellKeyOf(cell.scope, cell.indicator, period, cell.slice));
      if (value !== undefined) all.push(value);
    }
    ctx.histories.set(key, all);
  }
  return all.length <= count ? all : all.slice(0, count);
}

/** Whether `cell` is an outlier by `compare`, with what it was compared with; null if not. */
function find(
  ctx: RuleContext,
  compare: OutlierComparison,
  floor: number,
  cell: Cell,
): Finding | null {
  const x = cell.value;
  if (x < 0) return null;
  if (compare.method === 'robust-z') {
    const history = enteredHistory(ctx, cell, compare.quarters);
    if (history.length < compare.minQuarters) return null;
    const med = median(history);
    const diff = Math.abs(x - med);
    if (diff <= floor || diff <= compare.minShare * Math.abs(med)) return null;
    if (x >= Math.min(...history) && x <= Math.max(...history)) return null;
    const score = robustScore(x, history);
    if (score <= compare.threshold) return null;
    const params: Record<string, number | string> = { median: med, quarters: history.length };
    if (Number.isFinite(score)) params.score = Math.round(score * 10) / 10;
    return { reference: med, params };
  }
  const period = ctx.before[compare.lag - 1];
  if (period === undefined) return null;
  const reference = ctx.values.get(cellKeyOf(cell.scope, cell.indicator, period, cell.slice));
  if (reference === undefined || reference < 0 || Math.abs(x - reference) <= floor) return null;
  const beyond = (a: number, b: number) => a > compare.factor * b * (1 + EPSILON);
  if (!beyond(x, reference) && !beyond(reference, x)) return null;
  const known = enteredHistory(ctx, cell, compare.rangeQuarters);
  if (
    known.length >= compare.minRangeQuarters &&
    x >= Math.min(...known) &&
    x <= Math.max(...known)
  )
    return null;
  return { reference, params: { reference, referencePeriod: period } };
}

/**
 * O1–O3 on one scope: for each tracked entered indicator, the total of the checked quarter
 * against the total's own history; slices are not judged (see `OUTLIER_RULES`). An outlier
 * only when it also moved by more than the unit's floor (`rule.floors`).
 */
export function evaluateOutlierRule(
  ctx: RuleContext,
  rule: OutlierRule,
  scope: string,
  tracked: ReadonlySet<string>,
): RuleIssue[] {
  const issues: RuleIssue[] = [];
  for (const code of tracked) {
    const indicator = ctx.indicators.get(code);
    const cell = ctx.current.get(`${scope}|${code}`)?.find((c) => c.slice === TOTAL_SLICE);
    if (!indicator || indicator.kind === 'ratio' || !cell) continue;
    const finding = find(ctx, rule.compare, rule.floors[indicator.unit], cell);
    if (!finding) continue;
    const params = { indicator: code, value: cell.value, ...finding.params };
    const messages = cell.value > finding.reference ? rule.messages : rule.dropMessages;
    const issue = { rule: rule.id, severity: rule.severity, scope, slice: TOTAL_SLICE };
    const involved = [{ scope, indicator: code, slice: TOTAL_SLICE }];
    const formats = { value: code, median: code, reference: code };
    issues.push(makeIssue(ctx, issue, messages, involved, params, formats));
  }
  return issues;
}
