import type { Lang } from '@ptce/shared/error-messages';
import { MAX_ABS_VALUE, OVERRIDE_REASON_LENGTH } from '@ptce/shared/values.schema';
import { t } from '../i18n/t';
import type { RawCell } from './cell-text';
import { parseCellNumber } from './parse-number';

/**
 * What a value or comment cell asks for: `keep` (empty cell: no change), `clear` (the clear
 * marker) or `set`.
 */
export type Intent<T> = { kind: 'keep' } | { kind: 'clear' } | { kind: 'set'; value: T };

/** A cell holding only one of these clears the value (with its comment) or the comment. */
const CLEAR_MARKERS = ['-', '–', '—'];

/** Longest comment accepted, as on entry. */
const MAX_COMMENT = 2000;

type Read<T> = { ok: true; intent: T } | { ok: false; code: string; message: string };
const fail = (code: string, message: string) => ({ ok: false as const, code, message });
const KEEP = { kind: 'keep' } as const;
const CLEAR = { kind: 'clear' } as const;

/** A value cell: a number cell, a number typed as text (French or English), `-`, or empty. */
export function readValue(cell: RawCell, lang: Lang): Read<Intent<number>> {
  if (cell.kind === 'empty') return { ok: true, intent: KEEP };
  let value: number | null;
  if (cell.kind === 'number') value = cell.value;
  else if (cell.kind === 'text' && CLEAR_MARKERS.includes(cell.text.trim()))
    return { ok: true, intent: CLEAR };
  else value = cell.kind === 'text' ? parseCellNumber(cell.text) : null;
  if (value === null || !Number.isFinite(value)) {
    const shown = cell.kind === 'number' ? String(cell.value) : cell.text.trim().slice(0, 40);
    return fail('not_a_number', t(lang, 'import.notANumber', { text: shown }));
  }
  if (Math.abs(value) > MAX_ABS_VALUE) return fail('too_large', t(lang, 'import.tooLarge'));
  return { ok: true, intent: { kind: 'set', value } };
}

/** A comment cell: text (trimmed), `-` to clear, or empty. */
export function readComment(cell: RawCell, lang: Lang): Read<Intent<string>> {
  if (cell.kind === 'empty') return { ok: true, intent: KEEP };
  const text = (cell.kind === 'number' ? String(cell.value) : cell.text).trim();
  if (CLEAR_MARKERS.includes(text)) return { ok: true, intent: CLEAR };
  if (text.length > MAX_COMMENT)
    return fail('comment_too_long', t(lang, 'import.commentTooLong', { max: MAX_COMMENT }));
  return { ok: true, intent: { kind: 'set', value: text } };
}

/**
 * A `motif de dérogation` cell: empty (no reason) or a written reason within
 * `OVERRIDE_REASON_LENGTH` once trimmed (the entry schema's bounds), sent as `overrideReason`.
 */
export function readReason(cell: RawCell, lang: Lang): Read<string | null> {
  if (cell.kind === 'empty') return { ok: true, intent: null };
  const text = (cell.kind === 'number' ? String(cell.value) : cell.text).trim();
  const { min, max } = OVERRIDE_REASON_LENGTH;
  if (text.length < min) return fail('reason_too_short', t(lang, 'import.reasonTooShort', { min }));
  if (text.length > max) return fail('reason_too_long', t(lang, 'import.reasonTooLong', { max }));
  return { ok: true, intent: text };
}

/** The template's version cell: empty (no check) or a whole number ≥ 0. */
export function readVersion(cell: RawCell, lang: Lang): Read<number | undefined> {
  if (cell.kind === 'empty') return { ok: true, intent: undefined };
  const n =
    cell.kind === 'number'
      ? cell.value
      : Number(/^\s*\d{1,15}\s*$/.test(cell.text) ? cell.text : NaN);
  if (Number.isInteger(n) && n >= 0) return { ok: true, intent: n };
  return fail('bad_version', t(lang, 'import.badVersion'));
}
