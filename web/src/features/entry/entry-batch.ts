import type { SaveValuesResponse, ValueEntry } from '@ptce/shared/values.schema';
import { type BaseCell, cellKey } from './entry-model';
import type { RulesView } from './entry-rules';
import type { CellsView } from './entry-state';

export interface Batch {
  /** The changed cells with the versions they were typed on, plus reasons to record. */
  entries: ValueEntry[];
  /** Keys of inputs whose text cannot be saved, and indicators with a comment but no value. */
  problems: string[];
}

/**
 * What `Enregistrer` sends: every changed value or comment with the version it was typed on;
 * a changed cell involved in a rule error carries the reason typed for it (see
 * `evaluateGridRules`) as `overrideReason`.
 */
export function buildBatch(scope: string, view: CellsView, rules: RulesView): Batch {
  const entries: ValueEntry[] = [];
  const problems: string[] = [];
  for (const cell of view.cells.values()) {
    if (cell.typed.problem) problems.push(cell.key);
    const comment = cell.slice === '' ? view.comments.get(cell.indicator) : undefined;
    if (comment?.needsValue) problems.push(cell.indicator);
    if (!cell.changed && !comment?.changed) continue;
    const reason = rules.reasons.get(cell.key);
    entries.push({
      scope,
      indicator: cell.indicator,
      slice: cell.slice,
      value: cell.typed.value,
      comment: comment ? comment.value : cell.base.comment,
      version: cell.version,
      ...(reason ? { overrideReason: reason } : {}),
    });
  }
  return { entries, problems };
}

/** The stored state of each sent cell after a successful save, to show until the refetch. */
export function basesAfterSave(
  entries: ValueEntry[],
  result: SaveValuesResponse,
  view: CellsView,
): Record<string, BaseCell> {
  const versions = new Map(result.saved.map((s) => [cellKey(s.indicator, s.slice), s.version]));
  const out: Record<string, BaseCell> = {};
  for (const e of entries) {
    const key = cellKey(e.indicator, e.slice ?? '');
    const base = view.cells.get(key)?.base;
    const cleared = e.value === null;
    out[key] = {
      value: e.value,
      comment: cleared ? null : (e.comment ?? null),
      overrideReason: cleared
        ? null
        : (e.overrideReason ?? (base?.value === e.value ? (base?.overrideReason ?? null) : null)),
      version: versions.get(key) ?? base?.version ?? 0,
    };
  }
  return out;
}
