import type { Catalogue } from '@ptce/shared/catalogue.schema';
import type { Cell } from '@ptce/shared/domain.types';
import type { Lang } from '@ptce/shared/format';
import { evaluateRules, type RuleIssue } from '@ptce/shared/rules';
import type { StoredValue } from '@ptce/shared/values.schema';
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

/** A reason the server accepts (3 characters at least, trimmed), else null. */
export function validReason(text: string | undefined): string | null {
  const t = text?.trim() ?? '';
  return t.length >= 3 ? t : null;
}

export interface GridRulesInput {
  catalogue: Catalogue;
  period: string;
  scope: { slug: string; indicators: string[] };
  poleGroupSlugs: string[];
  view: CellsView;
  /** The scope's stored values of the other quarters the rules read. */
  others: StoredValue[];
  /** indicator → the reason typed in its row's box. */
  typedReasons: Record<string, string>;
  lang: Lang;
}

function cellsOf(input: GridRulesInput): Cell[] {
  const { view, scope, period } = input;
  const cells: Cell[] = input.others
    .filter((v) => v.period !== period)
    .map((v) => ({ ...v, scope: scope.slug }));
  for (const [key, value] of view.current) {
    const [indicator = '', slice = ''] = key.split('|');
    cells.push({ scope: scope.slug, indicator, period, slice, value });
  }
  return cells;
}

/** The keys of the cells a save would send: changed values, and totals with a new comment. */
function changedKeys(view: CellsView): Set<string> {
  const out = new Set<string>();
  for (const c of view.cells.values())
    if (c.changed || (c.slice === '' && view.comments.get(c.indicator)?.changed)) out.add(c.key);
  return out;
}

/**
 * The shared consistency rules on what the grid holds now, judged as the server will after a
 * save: an issue concerns the save when it involves a changed cell (a cleared cell counts for
 * every issue on its indicator); an error then needs a reason on every changed cell it
 * involves. A reason typed on one row covers the changed cells of the errors it shares.
 */
export function evaluateGridRules(input: GridRulesInput): RulesView {
  const { view } = input;
  const issues = evaluateRules({
    catalogue: input.catalogue,
    period: input.period,
    scopes: [input.scope],
    poleGroupSlugs: input.poleGroupSlugs,
    values: cellsOf(input),
  });
  const changed = changedKeys(view);
  const cleared = [...changed].filter((k) => view.cells.get(k)?.typed.value === null);
  const involvedChanged = (issue: RuleIssue) => {
    const codes = new Set(issue.cells.map((c) => c.indicator));
    const keys = issue.cells
      .map((c) => cellKey(c.indicator, c.slice))
      .filter((k) => changed.has(k));
    return [...new Set([...keys, ...cleared.filter((k) => codes.has(k.split('|')[0]!))])];
  };
  const reasons = new Map<string, string>();
  const reasonRows = new Set<string>();
  const judged = issues.map((issue) => ({ issue, touched: involvedChanged(issue) }));
  for (const { issue, touched } of judged) {
    if (issue.severity !== 'error' || touched.length === 0) continue;
    const rows = [
      ...new Set([...issue.cells.map((c) => c.indicator), ...touched.map((k) => k.split('|')[0]!)]),
    ];
    for (const r of rows) reasonRows.add(r);
    const shared = rows.map((r) => validReason(input.typedReasons[r])).find((r) => r !== null);
    for (const key of touched) {
      const own = validReason(input.typedReasons[key.split('|')[0]!]);
      const reason = own ?? reasons.get(key) ?? shared;
      if (reason) reasons.set(key, reason);
    }
  }
  const byIndicator = new Map<string, RowIssue[]>();
  judged.forEach(({ issue, touched }, n) => {
    const storedReason = issue.cells.some(
      (c) => view.cells.get(cellKey(c.indicator, c.slice))?.base.overrideReason,
    );
    const row: RowIssue = {
      id: `${issue.rule}-${n}`,
      rule: issue.rule,
      severity: issue.severity,
      message: input.lang === 'fr' ? issue.messageFr : issue.messageEn,
      concerned: touched.length > 0,
      overridden:
        issue.severity === 'error' &&
        (touched.length > 0 ? touched.every((k) => reasons.has(k)) : storedReason),
    };
    const codes = new Set([
      ...issue.cells.map((c) => c.indicator),
      ...touched.map((k) => k.split('|')[0]!),
    ]);
    for (const code of codes) byIndicator.set(code, [...(byIndicator.get(code) ?? []), row]);
  });
  return { byIndicator, reasonRows, reasons };
}
