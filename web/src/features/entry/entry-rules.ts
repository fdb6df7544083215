import type { Catalogue } from '@ptce/shared/catalogue.schema';
import type { Cell } from '@ptce/shared/domain.types';
import type { Lang } from '@ptce/shared/format';
import { issueMessage } from '@ptce/shared/rules';
import { type BatchChange, judgeBatch, verdictOf } from '@ptce/shared/rules.judge';
import { rulesWindow } from '@ptce/shared/rules.window';
import { type StoredValue, validReason } from '@ptce/shared/values.schema';
import { cellKey } from './entry-model';
import type { CellsView } from './entry-state';

/** A rule issue as a row shows it. */
export interface RowIssue {
  id: string;
  rule: string;
  severity: 'error' | 'warning';
  message: string;
  /** The issue involves a cell the save would change: the server judges it. */
  concerned: boolean;
  /** An error whose changed cells all carry a reason (or, untouched, one stored before). */
  overridden: boolean;
}

export interface RulesView {
  /** indicator → the issues involving one of its cells. */
  byIndicator: Map<string, RowIssue[]>;
  /** Rows that get a reason box: they share an error with a cell the save would change. */
  reasonRows: Set<string>;
  /** `indicator|slice` of a changed cell → the reason sent with it as `overrideReason`. */
  reasons: Map<string, string>;
}

export interface GridRulesInput {
  catalogue: Catalogue;
  period: string;
  scope: { slug: string; indicators: string[] };
  poleGroupSlugs: string[];
  view: CellsView;
  /** The scope's stored values of the other quarters the rules read. */
  others: StoredValue[];
  /** Older stored totals of the scope, the outlier rules' history (`rulesWindow().history`). */
  history?: StoredValue[];
  /** indicator → the reason typed in its row's box. */
  typedReasons: Record<string, string>;
  lang: Lang;
  /** The time the window of quarters is read at (`rulesWindow`). */
  now: Date;
}

/**
 * The stored cells the rules read: the window's other quarters, the totals of the outlier
 * rules' history and the grid's stored values.
 */
function baseCells(input: GridRulesInput): Cell[] {
  const { view, scope, period } = input;
  const { quarters, history } = rulesWindow(period, input.now);
  const window = new Set(quarters);
  const older = new Set(history);
  const read = (v: StoredValue) => window.has(v.period) || (older.has(v.period) && v.slice === '');
  const cells: Cell[] = [...input.others, ...(input.history ?? [])]
    .filter((v) => v.period !== period && read(v))
    .map(({ indicator, period, slice, value }) => ({
      scope: scope.slug,
      indicator,
      period,
      slice,
      value,
    }));
  for (const c of view.cells.values())
    if (c.base.value !== null)
      cells.push({
        scope: scope.slug,
        indicator: c.indicator,
        period,
        slice: c.slice,
        value: c.base.value,
      });
  return cells;
}

/** The cells a save would send: changed values, and totals with a new comment. */
function changesOf(input: GridRulesInput): BatchChange[] {
  const { view } = input;
  const out: BatchChange[] = [];
  for (const c of view.cells.values())
    if (c.changed || (c.slice === '' && view.comments.get(c.indicator)?.changed))
      out.push({
        scope: input.scope.slug,
        indicator: c.indicator,
        slice: c.slice,
        value: c.typed.value,
      });
  return out;
}

const keyOf = (c: BatchChange) => cellKey(c.indicator, c.slice);
const indicatorOf = (key: string) => key.split('|')[0]!;

/**
 * The grid's view of the shared judge (`judgeBatch`) on what it holds now, as the server will
 * judge the save: which issues concern the save and which errors are overridden or block come
 * from shared. The grid adds which rows get a reason box (those sharing an error with a
 * changed cell), spreads a reason typed on one row to the changed cells of the errors it
 * shares, and shows an untouched error with a stored reason as overridden. The next quarter is
 * not judged here (the grid does not load it): the save answers its regressions as warnings.
 */
export function evaluateGridRules(input: GridRulesInput): RulesView {
  const { view } = input;
  const { judged } = judgeBatch({
    catalogue: input.catalogue,
    scopes: [input.scope],
    poleGroupSlugs: input.poleGroupSlugs,
    period: input.period,
    next: null,
    base: baseCells(input),
    changes: changesOf(input),
  });
  const reasons = new Map<string, string>();
  const reasonRows = new Set<string>();
  for (const { issue, involved } of judged) {
    if (issue.severity !== 'error' || involved.length === 0) continue;
    const touched = involved.map(keyOf);
    const rows = [
      ...new Set([...issue.cells.map((c) => c.indicator), ...touched.map(indicatorOf)]),
    ];
    for (const r of rows) reasonRows.add(r);
    const shared = rows.map((r) => validReason(input.typedReasons[r])).find((r) => r !== null);
    for (const key of touched) {
      const own = validReason(input.typedReasons[indicatorOf(key)]);
      const reason = own ?? reasons.get(key) ?? shared;
      if (reason) reasons.set(key, reason);
    }
  }
  const byIndicator = new Map<string, RowIssue[]>();
  judged.forEach(({ issue, involved }, n) => {
    const withReasons = involved.map((c) => ({ ...c, overrideReason: reasons.get(keyOf(c)) }));
    const verdict = verdictOf(issue, withReasons);
    const storedReason = issue.cells.some(
      (c) => view.cells.get(cellKey(c.indicator, c.slice))?.base.overrideReason,
    );
    const row: RowIssue = {
      id: `${issue.rule}-${n}`,
      rule: issue.rule,
      severity: issue.severity,
      message: issueMessage(issue, input.lang),
      concerned: verdict !== 'unconcerned',
      overridden:
        verdict === 'overridden' ||
        (verdict === 'unconcerned' && issue.severity === 'error' && storedReason),
    };
    const codes = new Set([
      ...issue.cells.map((c) => c.indicator),
      ...involved.map((c) => c.indicator),
    ]);
    for (const code of codes) byIndicator.set(code, [...(byIndicator.get(code) ?? []), row]);
  });
  return { byIndicator, reasonRows, reasons };
}
