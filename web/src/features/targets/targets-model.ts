import type { Indicator } from '@ptce/shared/catalogue.schema';
import { exceedsDecimals, parseNumberFr } from '@ptce/shared/format';
import type { TargetEntry } from '@ptce/shared/targets.schema';

/** Key of a target: `scope|indicator`. */
export const targetKey = (scope: string, indicator: string) => `${scope}|${indicator}`;

export type TargetProblem = 'invalidNumber' | 'tooManyDecimals' | 'negative';

/** What a target input holds: its number (null = no target) and why it cannot be saved. */
export function readTarget(
  text: string,
  indicator: Indicator,
): { value: number | null; problem: TargetProblem | null } {
  if (text.trim() === '') return { value: null, problem: null };
  const value = parseNumberFr(text);
  if (value === null) return { value: null, problem: 'invalidNumber' };
  if (value < 0) return { value, problem: 'negative' };
  if (exceedsDecimals(value, indicator.decimals)) return { value, problem: 'tooManyDecimals' };
  return { value, problem: null };
}

/**
 * The changed targets of a draft (`scope|indicator` → text) against the stored ones, and the
 * keys whose text cannot be saved.
 */
export function targetChanges(
  texts: Record<string, string>,
  stored: Map<string, number>,
  indicators: Map<string, Indicator>,
): { entries: TargetEntry[]; problems: string[] } {
  const entries: TargetEntry[] = [];
  const problems: string[] = [];
  for (const [key, text] of Object.entries(texts)) {
    const [scope = '', indicator = ''] = key.split('|');
    const ind = indicators.get(indicator);
    if (!ind) continue;
    const read = readTarget(text, ind);
    if (read.problem) problems.push(key);
    else if (read.value !== (stored.get(key) ?? null))
      entries.push({ scope, indicator, value: read.value });
  }
  return { entries, problems };
}
