import { useReducer } from 'react';
import type { BaseCell } from './entry-model';

/**
 * What the user typed and has not saved, plus cells known newer than the server's answer
 * (just saved, or taken from a conflict). Typed text is only dropped when it was saved as is
 * or the user chose the other person's value: a failed save keeps everything.
 */
export interface DraftState {
  /** `indicator|slice` → the text of the value input. */
  texts: Record<string, string>;
  /** indicator → the comment of its total. */
  comments: Record<string, string>;
  /** indicator → the override reason typed for its errors. */
  reasons: Record<string, string>;
  /** `indicator|slice` → a stored state newer than the values query. */
  local: Record<string, BaseCell>;
}

export type DraftAction =
  | { type: 'text'; key: string; text: string }
  | { type: 'comment'; indicator: string; text: string }
  | { type: 'reason'; indicator: string; text: string }
  | { type: 'saved'; sent: Omit<DraftState, 'local'>; bases: Record<string, BaseCell> }
  | { type: 'resolve'; key: string; base: BaseCell; keep: boolean };

export const EMPTY_DRAFT: DraftState = { texts: {}, comments: {}, reasons: {}, local: {} };

/** Removes the entries of `current` still equal to what was sent (typed since: kept). */
function withoutSent(current: Record<string, string>, sent: Record<string, string>) {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(current)) if (sent[k] !== v) out[k] = v;
  return out;
}

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'text':
      return { ...state, texts: { ...state.texts, [action.key]: action.text } };
    case 'comment':
      return { ...state, comments: { ...state.comments, [action.indicator]: action.text } };
    case 'reason':
      return { ...state, reasons: { ...state.reasons, [action.indicator]: action.text } };
    case 'saved':
      return {
        texts: withoutSent(state.texts, action.sent.texts),
        comments: withoutSent(state.comments, action.sent.comments),
        reasons: withoutSent(state.reasons, action.sent.reasons),
        local: { ...state.local, ...action.bases },
      };
    case 'resolve': {
      const local = { ...state.local, [action.key]: action.base };
      if (action.keep) return { ...state, local };
      const { [action.key]: _dropped, ...texts } = state.texts;
      const [indicator = '', slice] = action.key.split('|');
      const { [indicator]: _comment, ...comments } = state.comments;
      return { ...state, local, texts, comments: slice === '' ? comments : state.comments };
    }
  }
}

/** The grid's draft: state and dispatch of `draftReducer`. */
export function useEntryDraft() {
  return useReducer(draftReducer, EMPTY_DRAFT);
}
