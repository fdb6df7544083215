import type { Catalogue } from '@ptce/shared/catalogue.schema';
import type { Cell } from '@ptce/shared/domain.types';
import type { Lang } from '@ptce/shared/format';
import { issueMessage } from '@ptce/shared/rules';
import { type BatchChange, judgeBatch, verdictOf, violationOf } from '@ptce/shared/rules.judge';
import { rulesWindow } from '@ptce/shared/rules.window';
import { type StoredValue, validReason } from '@ptce/shared/values.wire';
import { labelIn } from '../../lib/format';
import { cellKey } from './entry-model';
import type { CellsView } from './entry-state';

/**
 * A rule violation as the grid shows it: once, as one block under the first row it involves,
 * the other rows marked and linked to it; a concerned error has one reason box.
 */
export interface GridViolation {
  /** Its `violationKey` (rule, scope, slice, subject): its typed reason's key, and a 422's. */
  key: string;
  /** The DOM id of its block. */
  anchor: string;
  rule: string;
  scope: string;
  slice: string;
  subject: string;
  severity: 'error' | 'warning';
  message: string;
  /** The rows (indicator codes) it involves, in grid order: the block sits under the first. */
  rows: string[];
  /** Each row's label, then the slice's (`Sexe : Femmes`) when evaluated on a slice. */
  labels: string[];
  sliceLabel: string | null;
  /** It involves a cell the save would change: the server judges it. */
  concerned: boolean;
  /** An error the typed reason overrides (or, untouched, one stored before). */
  overridden: boolean;
  /** A concerned error: its reason box is shown, its valid text sent in `overrides`. */
  needsReason: boolean;
  /** The valid typed reason (trimmed), if any. */
  reason: string | null;
}

export interface RulesView {
  /** Every violation once, in the evaluator's order (scope, then rule). */
  violations: GridViolation[];
  /** indicator → the violations involving one of its cells (block or mark). */
  byIndicator: Map<string, GridViolation[]>;
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
  /** violation key → the reason typed in its box. */
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

/** `Sexe : Femmes` for a slice key, or null for the total. */
function sliceLabel(catalogue: Catalogue, slice: string, lang: Lang): string | null {
  if (slice === '') return null;
  const [dim = '', member = ''] = slice.split('=');
  const dimension = catalogue.dimensions.find((d) => d.code === dim);
  const listed = dimension?.members.find((m) => m.code === member);
  const sep = lang === 'fr' ? '\u00a0: ' : ': ';
  return `${dimension ? labelIn(dimension, lang) : dim}${sep}${listed ? labelIn(listed, lang) : member}`;
}

/**
 * The grid's view of the shared judge (`judgeBatch`) on what it holds now, as the server will
 * judge the save: each violation once (`violationKey`), with the rows it involves in grid
 * order; a concerned error takes one reason, typed for it and sent as a batch `overrides`
 * item, which overrides that violation only. An untouched error with a stored reason shows as
 * overridden. The next quarter is not judged here (the grid does not load it): the save
 * answers its regressions as warnings.
 */
export function evaluateGridRules(input: GridRulesInput): RulesView {
  const { view, catalogue, lang } = input;
  const order = new Map(input.scope.indicators.map((code, i) => [code, i]));
  const byCode = new Map(catalogue.indicators.map((i) => [i.code, i]));
  const { judged } = judgeBatch({
    catalogue,
    scopes: [input.scope],
    poleGroupSlugs: input.poleGroupSlugs,
    period: input.period,
    next: null,
    base: baseCells(input),
    changes: changesOf(input),
  });
  const violations: GridViolation[] = [];
  const byKey = new Map<string, GridViolation>();
  for (const { issue, key, involved } of judged) {
    const codes = new Set([
      ...issue.cells.map((c) => c.indicator),
      ...involved.map((c) => c.indicator),
    ]);
    const seen = byKey.get(key);
    if (seen) {
      // Two checks of one violation (rare: a value both negative and fractional): one block.
      seen.message = `${seen.message} ${issueMessage(issue, lang)}`;
      continue;
    }
    const rows = [...codes].sort((a, b) => (order.get(a) ?? 1e9) - (order.get(b) ?? 1e9));
    const reason = validReason(input.typedReasons[key]);
    const verdict = verdictOf(issue, involved, reason);
    const storedReason = issue.cells.some(
      (c) => view.cells.get(cellKey(c.indicator, c.slice))?.base.overrideReason,
    );
    const id = violationOf(issue);
    const v: GridViolation = {
      key,
      anchor: `violation-${violations.length + 1}`,
      ...id,
      severity: issue.severity,
      message: issueMessage(issue, lang),
      rows,
      labels: rows.map((code) => {
        const ind = byCode.get(code);
        return ind ? labelIn(ind, lang) : code;
      }),
      sliceLabel: sliceLabel(catalogue, issue.slice, lang),
      concerned: verdict !== 'unconcerned',
      overridden:
        verdict === 'overridden' ||
        (verdict === 'unconcerned' && issue.severity === 'error' && storedReason),
      needsReason: issue.severity === 'error' && verdict !== 'unconcerned',
      reason: verdict === 'overridden' ? reason : null,
    };
    violations.push(v);
    byKey.set(key, v);
  }
  const byIndicator = new Map<string, GridViolation[]>();
  for (const v of violations)
    for (const code of v.rows) byIndicator.set(code, [...(byIndicator.get(code) ?? []), v]);
  return { violations, byIndicator };
}
