import type { Lang } from '@ptce/shared/format';
import type { StoredValue } from '@ptce/shared/values.schema';
import { inputText } from '../../lib/format';
import { type BaseCell, cellKey, mergeBase, type RowModel, rowSlices } from './entry-model';
import { parseTyped, type Typed } from './typed-number';
import type { DraftState } from './use-entry-draft';

/** One value input of the grid: stored state, text shown, what it reads as. */
export interface CellView {
  key: string;
  indicator: string;
  slice: string;
  base: BaseCell;
  /** The version a change is sent on: the one it was typed on, else the stored one. */
  version: number;
  text: string;
  typed: Typed;
  /** The value differs from the stored one (or cannot be read). */
  changed: boolean;
}

/** The comment of a row's total. */
interface CommentView {
  text: string;
  value: string | null;
  changed: boolean;
  /** A new comment on a row without a value: the server would drop it. */
  needsValue: boolean;
}

export interface CellsView {
  cells: Map<string, CellView>;
  comments: Map<string, CommentView>;
  /** `indicator|slice` → the number the grid holds now for the entered quarter. */
  current: Map<string, number>;
}

/**
 * Every input of the grid from the stored values of the quarter and the draft: the text
 * shown is the typed one, else the stored number written for `lang`.
 */
export function deriveCells(
  rows: RowModel[],
  stored: Map<string, StoredValue> | undefined,
  draft: DraftState,
  lang: Lang,
): CellsView {
  const cells = new Map<string, CellView>();
  const comments = new Map<string, CommentView>();
  const current = new Map<string, number>();
  for (const row of rows) {
    if (row.indicator.kind === 'ratio') continue;
    const code = row.indicator.code;
    for (const slice of rowSlices(row)) {
      const key = cellKey(code, slice);
      const base = mergeBase(stored?.get(key), draft.local[key]);
      const typedText = draft.texts[key];
      const typed =
        typedText === undefined
          ? { value: base.value, problem: null }
          : parseTyped(typedText, row.indicator);
      const changed = typed.problem === 'invalidNumber' || typed.value !== base.value;
      const text = typedText ?? inputText(base.value, lang, row.indicator.decimals);
      const version = draft.based[key] ?? base.version;
      cells.set(key, { key, indicator: code, slice, base, version, text, typed, changed });
      if (typed.value !== null) current.set(key, typed.value);
    }
    const total = cells.get(cellKey(code, ''))!;
    const typedComment = draft.comments[code];
    const text = typedComment ?? total.base.comment ?? '';
    const value = text.trim() === '' ? null : text.trim();
    const changed = value !== total.base.comment;
    comments.set(code, {
      text,
      value,
      changed,
      needsValue: changed && value !== null && total.typed.value === null,
    });
  }
  return { cells, comments, current };
}

/**
 * How many changed cells were typed on an older version than the one stored now: someone
 * else saved them meanwhile, and a save will answer 409 for them (the conflict panel).
 */
export function changedMeanwhile(view: CellsView): number {
  let count = 0;
  for (const cell of view.cells.values()) {
    const comment = cell.slice === '' ? view.comments.get(cell.indicator) : undefined;
    if (cell.version !== cell.base.version && (cell.changed || comment?.changed)) count += 1;
  }
  return count;
}
