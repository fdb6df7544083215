import { useReducer, useState } from 'react';
import {
  loadDraft,
  numberRecord,
  stringRecord,
  useDraftPersistence,
} from '../../lib/session-draft';
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
  /**
   * `indicator|slice` → the version the typed value or comment was based on, sent with the
   * save so a change made meanwhile by someone else answers 409 instead of being overwritten.
   */
  based: Record<string, number>;
}

export type DraftAction =
  | { type: 'text'; key: string; text: string; version: number }
  | { type: 'comment'; indicator: string; text: string; version: number }
  | { type: 'reason'; indicator: string; text: string }
  | { type: 'saved'; sent: SentDraft; bases: Record<string, BaseCell> }
  | { type: 'resolve'; key: string; base: BaseCell; keep: boolean }
  | { type: 'discard' };

/** The typed part of a draft, as a save sends it. */
export type SentDraft = Pick<DraftState, 'texts' | 'comments' | 'reasons'>;

export const EMPTY_DRAFT: DraftState = {
  texts: {},
  comments: {},
  reasons: {},
  local: {},
  based: {},
};

/** Records the version a cell was first typed on; later keystrokes keep it. */
const basedOn = (based: Record<string, number>, key: string, version: number) =>
  key in based ? based : { ...based, [key]: version };

const without = <T>(record: Record<string, T>, keys: string[]) =>
  Object.fromEntries(Object.entries(record).filter(([k]) => !keys.includes(k)));

/** Removes the entries of `current` still equal to what was sent (typed since: kept). */
function withoutSent(current: Record<string, string>, sent: Record<string, string>) {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(current)) if (sent[k] !== v) out[k] = v;
  return out;
}

export function draftReducer(state: DraftState, action: DraftAction): DraftState {
  switch (action.type) {
    case 'text':
      return {
        ...state,
        texts: { ...state.texts, [action.key]: action.text },
        based: basedOn(state.based, action.key, action.version),
      };
    case 'comment':
      return {
        ...state,
        comments: { ...state.comments, [action.indicator]: action.text },
        based: basedOn(state.based, `${action.indicator}|`, action.version),
      };
    case 'reason':
      return { ...state, reasons: { ...state.reasons, [action.indicator]: action.text } };
    case 'saved':
      return {
        texts: withoutSent(state.texts, action.sent.texts),
        comments: withoutSent(state.comments, action.sent.comments),
        reasons: withoutSent(state.reasons, action.sent.reasons),
        local: { ...state.local, ...action.bases },
        // What is still typed in a saved cell now builds on the version just saved.
        based: without(state.based, Object.keys(action.bases)),
      };
    case 'resolve': {
      const local = { ...state.local, [action.key]: action.base };
      if (action.keep)
        return { ...state, local, based: { ...state.based, [action.key]: action.base.version } };
      const { [action.key]: _dropped, ...texts } = state.texts;
      const [indicator = '', slice] = action.key.split('|');
      const { [indicator]: _comment, ...comments } = state.comments;
      const based = without(state.based, [action.key]);
      return { ...state, local, texts, based, comments: slice === '' ? comments : state.comments };
    }
    case 'discard':
      return { ...EMPTY_DRAFT, local: state.local };
  }
}

/** Whether the user typed anything (value, comment or reason) not saved yet. */
export const hasTyped = (d: SentDraft) =>
  Object.keys(d.texts).length + Object.keys(d.comments).length + Object.keys(d.reasons).length > 0;

/** The draft as kept in sessionStorage: what was typed and the versions it was based on. */
function toStored(d: DraftState) {
  return { v: 1, texts: d.texts, comments: d.comments, reasons: d.reasons, based: d.based };
}

/** A draft read back from sessionStorage; anything unreadable is left out. */
function fromStored(value: unknown): DraftState {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (v.v !== 1) return EMPTY_DRAFT;
  return {
    texts: stringRecord(v.texts),
    comments: stringRecord(v.comments),
    reasons: stringRecord(v.reasons),
    local: {},
    based: numberRecord(v.based),
  };
}

/**
 * The grid's draft (state and dispatch of `draftReducer`), kept in sessionStorage under
 * `storageKey` as the user types and removed once nothing typed is left (saved or
 * discarded), so a login after an expired session brings it back. `restored` says the
 * grid started from such a stored draft. A null key (read-only grid) neither reads nor writes.
 */
export function useEntryDraft(storageKey: string | null) {
  const [initial] = useState(() => (storageKey ? fromStored(loadDraft(storageKey)) : EMPTY_DRAFT));
  const [draft, dispatch] = useReducer(draftReducer, initial);
  useDraftPersistence(storageKey, hasTyped(draft) ? toStored(draft) : null);
  return { draft, dispatch, restored: hasTyped(initial) };
}
