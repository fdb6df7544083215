import type { BatchChange, Judgement } from '@ptce/shared/rules.judge';
import { violationSubject } from '@ptce/shared/rules.judge';
import type { ValueEntry } from '@ptce/shared/values.schema';
import type { PlannedChange } from './plan-changes';

/** The override reasons a save records for one change. */
export interface RecordedReason {
  /** What the batch wrote for it: its history row's reason (null = none written). */
  written: string | null;
  /** What the stored value keeps: the written reason, else the planned (carried) one. */
  stored: string | null;
}

/**
 * The tag of a per-violation reason in a history row: `[E1]`, `[E1 sex=female]`,
 * `[E5 dimension=sex&indicator=MS-SORTIES]` (rule, then the slice and subject when not empty).
 */
function tagOf(issue: Judgement['judged'][number]['issue']): string {
  const parts = [issue.rule, issue.slice, violationSubject(issue)].filter((p) => p !== '');
  return `[${parts.join(' ')}]`;
}

/**
 * The reasons a save records per change (`changes[i]` judged as `batch[i]`): its entry's own
 * `overrideReason`, then one line `[tag] reason` per violation that a per-violation reason of
 * the batch overrides and that involves the change (each involved entry's history holds it).
 * A cleared value stores none. Pure.
 */
export function recordedReasons(
  changes: readonly PlannedChange[],
  batch: readonly BatchChange[],
  judged: Judgement['judged'],
  entries: readonly ValueEntry[],
): RecordedReason[] {
  const tagged = new Map<BatchChange, string[]>();
  for (const j of judged) {
    if (j.verdict !== 'overridden' || j.reason === null) continue;
    const line = `${tagOf(j.issue)} ${j.reason}`;
    for (const b of j.involved) {
      const lines = tagged.get(b) ?? [];
      if (!lines.includes(line)) tagged.set(b, [...lines, line]);
    }
  }
  return changes.map((c, i) => {
    const own = entries[c.entryIndex]?.overrideReason;
    const lines = [...(own ? [own] : []), ...(tagged.get(batch[i]!) ?? [])];
    const written = lines.length > 0 ? lines.join('\n') : null;
    const stored = c.next.value === null ? null : (written ?? c.next.override_reason);
    return { written, stored };
  });
}
