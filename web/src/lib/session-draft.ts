import { useEffect } from 'react';

// Unsaved input kept in the tab's sessionStorage, so an expired session (a 401 sends to the
// login page, unmounting the form) or a reload does not lose it. sessionStorage, not
// localStorage: the draft dies with the tab and is never shared with another one.

const PREFIX = 'ptce:brouillon:';

/** The storage key of a draft: its kind and what it is the draft of (user, pole, period…). */
export const draftKey = (parts: Array<string | number>) =>
  `${PREFIX}${parts.map((p) => encodeURIComponent(String(p))).join(':')}`;

/** The stored draft under `key`, parsed; `null` when none, unreadable or storage is off. */
export function loadDraft(key: string): unknown {
  try {
    const text = window.sessionStorage.getItem(key);
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}

function storeText(key: string, text: string | null): void {
  try {
    if (text === null) window.sessionStorage.removeItem(key);
    else window.sessionStorage.setItem(key, text);
  } catch {
    // Full or disabled storage: the draft stays in the page only, as before.
  }
}

/**
 * Keeps the draft under `key` equal to `value` after each render (`null` removes it, an empty
 * draft must be passed as `null`). Nothing is written while `key` is null.
 */
export function useDraftPersistence(key: string | null, value: unknown): void {
  const text = value === null ? null : JSON.stringify(value);
  useEffect(() => {
    if (key !== null) storeText(key, text);
  }, [key, text]);
}

/** A record of strings read from a stored draft; anything else becomes `{}`. */
export function stringRecord(value: unknown): Record<string, string> {
  return recordOf(value, (v) => typeof v === 'string');
}

/** A record of finite numbers read from a stored draft; anything else becomes `{}`. */
export function numberRecord(value: unknown): Record<string, number> {
  return recordOf(value, (v) => typeof v === 'number' && Number.isFinite(v));
}

/** A record of finite numbers or nulls read from a stored draft; anything else becomes `{}`. */
export function nullableNumberRecord(value: unknown): Record<string, number | null> {
  return recordOf(value, (v) => v === null || (typeof v === 'number' && Number.isFinite(v)));
}

function recordOf<T>(value: unknown, ok: (v: unknown) => boolean): Record<string, T> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
  const out: Record<string, T> = {};
  for (const [k, v] of Object.entries(value)) if (ok(v)) out[k] = v as T;
  return out;
}
