import type { ModelResult, QuarterValue } from './context';

/** An empty model result. */
export function emptyResult(): ModelResult {
  return { series: new Map(), comments: new Map() };
}

/** Appends the next quarter's value of `indicator` (models fill quarters in order). */
export function push(result: ModelResult, indicator: string, value: QuarterValue): void {
  const list = result.series.get(indicator);
  if (list) list.push(value);
  else result.series.set(indicator, [value]);
}

/** Attaches a French comment to the total of `indicator` at quarter index `t`. */
export function note(result: ModelResult, indicator: string, t: number, text: string): void {
  const map = result.comments.get(indicator) ?? new Map<number, string>();
  map.set(t, text);
  result.comments.set(indicator, map);
}

/** The union of several results (later ones win on a shared indicator). */
export function mergeResults(...results: ModelResult[]): ModelResult {
  const out = emptyResult();
  for (const r of results) {
    for (const [k, v] of r.series) out.series.set(k, v);
    for (const [k, v] of r.comments) out.comments.set(k, v);
  }
  return out;
}

/** Total of `indicator` at quarter index `t`, 0 if absent. */
export function totalAt(result: ModelResult, indicator: string, t: number): number {
  return result.series.get(indicator)?.[t]?.total ?? 0;
}
