import type { Catalogue } from './catalogue.schema';
import type { Cell, Quarter } from './domain.types';
import { evaluateRules } from './rules';
import type { RuleIssue, RuleSettings } from './rules.types';
import type { ViolationOverride } from './values.schema';
import { validReason, violationKey } from './values.wire';

/** A cell a batch changes, in the judged quarter: its value after the batch (null = cleared). */
export interface BatchChange {
  scope: string;
  indicator: string;
  slice: string;
  value: number | null;
  /** The reason sent with the change; only one `OverrideReasonSchema` accepts counts. */
  overrideReason?: string | null | undefined;
}

export interface JudgeBatchInput {
  catalogue: Catalogue;
  /** The pole's scopes judged, with the indicators each tracks. */
  scopes: Array<{ slug: string; indicators: string[] }>;
  poleGroupSlugs: string[];
  /** The quarter the batch is saved into. */
  period: Quarter;
  /** The quarter whose newly caused errors come back as warnings (`rulesWindow().next`). */
  next: Quarter | null;
  /** The stored cells of the window's quarters before the batch (cleared ones left out). */
  base: Cell[];
  /** Each changed cell of `period` once. */
  changes: BatchChange[];
  /** Reasons written for one violation each (`violationKey`); none = per-entry reasons only. */
  overrides?: readonly ViolationOverride[];
  settings?: Partial<RuleSettings>;
}

/**
 * What identifies a violation within a quarter: its rule, scope, the slice it was evaluated on
 * (`''` = the total) and its subject (`violationSubject`), so a reason overrides that one only.
 */
export interface ViolationId {
  rule: string;
  scope: string;
  slice: string;
  subject: string;
}

/**
 * What tells apart issues of one rule on one slice of one scope: their string params sorted by
 * name as `name=value` joined by `&` (E5 `dimension=sex&indicator=MS-SORTIES`, E8 the indicator,
 * E7 its pair, a yearly check `year=2025`); `''` for most compare rules.
 */
export function violationSubject(issue: Pick<RuleIssue, 'params'>): string {
  return Object.entries(issue.params)
    .filter((e): e is [string, string] => typeof e[1] === 'string')
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, value]) => `${k}=${value}`)
    .join('&');
}

/** The identity of an issue's violation. */
export function violationOf(issue: RuleIssue): ViolationId {
  return {
    rule: issue.rule,
    scope: issue.scope,
    slice: issue.slice,
    subject: violationSubject(issue),
  };
}

/**
 * What an issue means for the batch: `unconcerned` (it involves no changed cell), a concerned
 * `warning`, an error `overridden` (every changed cell it involves carries a reason) or
 * `blocking`.
 */
export type IssueVerdict = 'unconcerned' | 'warning' | 'overridden' | 'blocking';

interface JudgedIssue {
  issue: RuleIssue;
  /** Its violation's key (`violationKey`). */
  key: string;
  /** The changes the issue involves. */
  involved: BatchChange[];
  verdict: IssueVerdict;
  /** The batch-level reason written for this violation (`overrides`), if any. */
  reason: string | null;
}

export interface Judgement {
  /** Every issue of `period` after the batch, in `evaluateRules` order, with its verdict. */
  judged: JudgedIssue[];
  /** Concerned warnings, then the errors the batch newly causes in `next`, as warnings. */
  warnings: RuleIssue[];
  overridden: RuleIssue[];
  blocking: RuleIssue[];
}

/**
 * Which changes an issue involves: those on one of its cells, and every cleared cell of an
 * indicator it reads (a cleared total concerns the slices left without it).
 */
function involvedChanges(changes: BatchChange[]): (issue: RuleIssue) => BatchChange[] {
  const touched = new Map<string, BatchChange>();
  const cleared = new Map<string, BatchChange[]>();
  for (const c of changes) {
    touched.set(`${c.scope}|${c.indicator}|${c.slice}`, c);
    if (c.value !== null) continue;
    const key = `${c.scope}|${c.indicator}`;
    cleared.set(key, [...(cleared.get(key) ?? []), c]);
  }
  return (issue) => {
    const involved = new Set<BatchChange>();
    for (const cell of issue.cells) {
      const hit = touched.get(`${cell.scope}|${cell.indicator}|${cell.slice}`);
      if (hit) involved.add(hit);
      for (const c of cleared.get(`${cell.scope}|${cell.indicator}`) ?? []) involved.add(c);
    }
    return [...involved];
  };
}

/**
 * The verdict on an issue given the changes it involves (see `IssueVerdict`): a concerned error
 * is overridden by a valid reason written for its violation (`reason`), or, as before batch
 * overrides existed, when every changed cell it involves carries a valid `overrideReason`.
 */
export function verdictOf(
  issue: RuleIssue,
  involved: readonly BatchChange[],
  reason: string | null = null,
): IssueVerdict {
  if (involved.length === 0) return 'unconcerned';
  if (issue.severity === 'warning') return 'warning';
  if (validReason(reason) !== null) return 'overridden';
  return involved.every((c) => validReason(c.overrideReason) !== null) ? 'overridden' : 'blocking';
}

/**
 * Judges a batch once for every surface (the save, the import's dry run, the entry grid as the
 * user types): the rules run on `period` as it would be after the batch; an issue concerns the
 * batch when it involves a changed cell; a concerned error blocks unless the batch overrides
 * its violation (an `overrides` item with its rule, scope, slice and subject: that violation
 * only) or every changed cell it involves carries a valid reason (a reason given earlier does
 * not carry over). Overrides matching no violation are ignored. With `next`,
 * errors of the next quarter that the batch causes (absent before it) are warnings, since
 * that quarter may already be validated. Pure; linear in the number of cells.
 * @throws RangeError when `period` or `next` is not a valid quarter.
 */
export function judgeBatch(input: JudgeBatchInput): Judgement {
  const { catalogue, scopes, poleGroupSlugs, settings, period } = input;
  const run = (quarter: Quarter, values: Cell[]) =>
    evaluateRules({ catalogue, scopes, poleGroupSlugs, period: quarter, values, settings });
  // The cells after the batch, in the order of `base`: a changed cell in its place with its new
  // value (gone when cleared), then the new ones. Only the judged quarter's cells are keyed.
  const changed = new Map<string, BatchChange>();
  for (const c of input.changes) changed.set(`${c.scope}|${c.indicator}|${c.slice}`, c);
  const afterCells: Cell[] = [];
  const placed = new Set<BatchChange>();
  const write = (c: BatchChange) => {
    placed.add(c);
    if (c.value !== null)
      afterCells.push({
        scope: c.scope,
        indicator: c.indicator,
        period,
        slice: c.slice,
        value: c.value,
      });
  };
  for (const cell of input.base) {
    const change =
      cell.period === period
        ? changed.get(`${cell.scope}|${cell.indicator}|${cell.slice}`)
        : undefined;
    if (!change) afterCells.push(cell);
    else if (!placed.has(change)) write(change);
  }
  for (const c of changed.values()) if (!placed.has(c)) write(c);
  const involve = involvedChanges(input.changes);
  const written = new Map<string, string>();
  for (const o of input.overrides ?? []) {
    const reason = validReason(o.reason);
    if (reason !== null) written.set(violationKey(o), reason);
  }
  const judged = run(period, afterCells).map((issue): JudgedIssue => {
    const involved = involve(issue);
    const key = violationKey(violationOf(issue));
    const reason = written.get(key) ?? null;
    return { issue, key, involved, verdict: verdictOf(issue, involved, reason), reason };
  });
  const pick = (verdict: IssueVerdict) =>
    judged.filter((j) => j.verdict === verdict).map((j) => j.issue);
  const regressions = input.next
    ? nextQuarterRegressions(input.next, input.base, afterCells, run)
    : [];
  return {
    judged,
    warnings: [...pick('warning'), ...regressions],
    overridden: pick('overridden'),
    blocking: pick('blocking'),
  };
}

function nextQuarterRegressions(
  next: Quarter,
  base: Cell[],
  after: Cell[],
  run: (period: Quarter, values: Cell[]) => RuleIssue[],
): RuleIssue[] {
  if (!base.some((c) => c.period === next)) return [];
  const key = (i: RuleIssue) => `${i.rule}|${i.scope}|${i.slice}|${i.params.year ?? ''}`;
  const errors = (values: Cell[]) => run(next, values).filter((i) => i.severity === 'error');
  const before = new Set(errors(base).map(key));
  return errors(after)
    .filter((i) => !before.has(key(i)))
    .map((i) => ({ ...i, severity: 'warning' as const }));
}
