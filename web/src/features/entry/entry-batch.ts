import type { SaveValuesResponse, ValueEntry, ViolationOverride } from '@ptce/shared/values.schema';
import { type BaseCell, cellKey } from './entry-model';
import type { RulesView } from './entry-rules';
import type { CellsView } from './entry-state';

export interface Batch {
  /** The changed cells with the versions they were typed on. */
  entries: ValueEntry[];
  /** One reason per concerned error violation that has one typed (`evaluateGridRules`). */
  overrides: ViolationOverride[];
  /** Keys of inputs whose text cannot be saved, and indicators with a comment but no value. */
  problems: string[];
  /** The keys of every error violation the grid finds now (to match a 422's issues with). */
  errorKeys: string[];
}

/**
 * What `Enregistrer` sends: every changed value or comment with the version it was typed on,
 * and for each concerned rule error with a valid typed reason, that reason as an `overrides`
 * item naming its violation (rule, scope, slice, subject): it overrides that one only.
 */
export function buildBatch(scope: string, view: CellsView, rules: RulesView): Batch {
  const entries: ValueEntry[] = [];
  const problems: string[] = [];
  for (const cell of view.cells.values()) {
    if (cell.typed.problem) problems.push(cell.key);
    const comment = cell.slice === '' ? view.comments.get(cell.indicator) : undefined;
    if (comment?.needsValue) problems.push(cell.indicator);
    if (!cell.changed && !comment?.changed) continue;
    entries.push({
      scope,
      indicator: cell.indicator,
      slice: cell.slice,
      value: cell.typed.value,
      comment: comment ? comment.value : cell.base.comment,
      version: cell.version,
    });
  }
  const overrides: ViolationOverride[] = [];
  for (const v of rules.violations)
    if (v.needsReason && v.reason !== null)
      overrides.push({
        rule: v.rule,
        scope: v.scope,
        slice: v.slice,
        subject: v.subject,
        reason: v.reason,
      });
  const errorKeys = rules.violations.filter((v) => v.severity === 'error').map((v) => v.key);
  return { entries, overrides, problems, errorKeys };
}

/** The stored state of each sent cell after a successful save, to show until the refetch. */
export function basesAfterSave(
  entries: ValueEntry[],
  result: SaveValuesResponse,
  view: CellsView,
): Record<string, BaseCell> {
  const saved = new Map(result.saved.map((s) => [cellKey(s.indicator, s.slice), s]));
  const out: Record<string, BaseCell> = {};
  for (const e of entries) {
    const key = cellKey(e.indicator, e.slice ?? '');
    const base = view.cells.get(key)?.base;
    const cleared = e.value === null;
    const answer = saved.get(key);
    const kept = base?.value === e.value ? (base?.overrideReason ?? null) : null;
    out[key] = {
      value: e.value,
      comment: cleared ? null : (e.comment ?? null),
      // The server says what it stored; an older one did not: the entry's or the kept reason.
      overrideReason: cleared
        ? null
        : answer?.overrideReason !== undefined
          ? answer.overrideReason
          : (e.overrideReason ?? kept),
      version: answer?.version ?? base?.version ?? 0,
    };
  }
  return out;
}
