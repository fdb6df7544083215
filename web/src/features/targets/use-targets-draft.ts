import { useState } from 'react';
import {
  loadDraft,
  nullableNumberRecord,
  stringRecord,
  useDraftPersistence,
} from '../../lib/session-draft';

/** The targets typed and not saved, and the stored target each was typed over. */
export interface TargetsDraft {
  /** `scope|indicator` → the text of the target input. */
  texts: Record<string, string>;
  /** `scope|indicator` → the stored target (null: none) when the user started typing it. */
  based: Record<string, number | null>;
}

const EMPTY: TargetsDraft = { texts: {}, based: {} };

function fromStored(value: unknown): TargetsDraft {
  const v = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (v.v !== 1) return EMPTY;
  return { texts: stringRecord(v.texts), based: nullableNumberRecord(v.based) };
}

/**
 * A year's targets draft, kept in sessionStorage under `storageKey` as the user types and
 * removed once nothing typed is left, so a login after an expired session brings it back
 * (`restored`). A null key (read-only form) neither reads nor writes.
 */
export function useTargetsDraft(storageKey: string | null, stored: Map<string, number>) {
  const [initial] = useState(() => (storageKey ? fromStored(loadDraft(storageKey)) : EMPTY));
  const [draft, setDraft] = useState(initial);
  const typed = Object.keys(draft.texts).length > 0;
  useDraftPersistence(storageKey, typed ? { v: 1, ...draft } : null);
  const storedOf = (key: string) => stored.get(key) ?? null;
  return {
    draft,
    restored: Object.keys(initial.texts).length > 0,
    /** Keys whose stored target changed since the user started typing over it. */
    changedMeanwhile: Object.keys(draft.texts).filter(
      (k) => k in draft.based && draft.based[k] !== storedOf(k),
    ),
    type: (key: string, text: string) =>
      setDraft((d) => ({
        texts: { ...d.texts, [key]: text },
        based: key in d.based ? d.based : { ...d.based, [key]: storedOf(key) },
      })),
    /** After a save: drops the texts sent as they are; the rest builds on the saved targets. */
    saved: (sent: Record<string, string>, values: Map<string, number | null>) =>
      setDraft((d) => {
        const texts = Object.fromEntries(Object.entries(d.texts).filter(([k, v]) => sent[k] !== v));
        const based: Record<string, number | null> = {};
        for (const k of Object.keys(texts)) {
          const was = values.has(k) ? values.get(k) : d.based[k];
          if (was !== undefined) based[k] = was;
        }
        return { texts, based };
      }),
    discard: () => setDraft(EMPTY),
  };
}
