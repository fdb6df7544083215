import type { Batch } from './entry-batch';
import { cellKey } from './entry-model';

/**
 * How many inputs hold an unsaved change, as the save bar counts them: each changed cell once,
 * even when it also has a problem (unreadable or over-precise text, a comment on a row without
 * a value), which `Batch` lists in both `entries` and `problems`.
 */
export function changeCount(batch: Batch): number {
  const keys = new Set(batch.entries.map((e) => cellKey(e.indicator, e.slice ?? '')));
  for (const p of batch.problems) keys.add(p.includes('|') ? p : cellKey(p, ''));
  return keys.size;
}
