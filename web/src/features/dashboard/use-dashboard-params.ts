import type { Quarter } from '@ptce/shared/domain.types';
import {
  compareQuarters,
  currentQuarter,
  lastCompleteQuarter,
  QuarterSchema,
  quarterFromIndex,
  quarterIndex,
} from '@ptce/shared/periods';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import type { Step } from './chart-data';

/** Quarters shown by default: the last three years up to the last complete quarter. */
const DEFAULT_SPAN = 12;

export interface DashboardParams {
  /** False while the default end of the range waits for the latest entered quarter. */
  ready: boolean;
  from: Quarter;
  to: Quarter;
  by: Step;
  /** The tile whose trend is open. */
  open: { scope: string; indicator: string } | null;
}

/**
 * The range's end when the address gives none: the last complete quarter, or the current one
 * once values are entered in it (a value saved today shows on the dashboard at once).
 */
export function defaultEnd(now: Date, latestEntered: Quarter | null): Quarter {
  const complete = lastCompleteQuarter(now);
  const current = currentQuarter(now);
  if (latestEntered === null || compareQuarters(latestEntered, complete) <= 0) return complete;
  return compareQuarters(latestEntered, current) > 0 ? current : latestEntered;
}

/**
 * Reads the dashboard's bookmarkable state from `?du=&au=&pas=&perimetre=&indicateur=`;
 * `latestEntered` is undefined while unknown (then, without `au`, the state is not ready).
 */
export function readDashboardParams(
  params: URLSearchParams,
  now: Date,
  latestEntered: Quarter | null | undefined,
): DashboardParams {
  const quarter = (name: string) => {
    const parsed = QuarterSchema.safeParse(params.get(name));
    return parsed.success ? parsed.data : null;
  };
  const asked = quarter('au');
  const to = asked ?? defaultEnd(now, latestEntered ?? null);
  let from = quarter('du') ?? quarterFromIndex(quarterIndex(to) - (DEFAULT_SPAN - 1));
  let end = to;
  if (compareQuarters(from, end) > 0) [from, end] = [end, from];
  const scope = params.get('perimetre');
  const indicator = params.get('indicateur');
  return {
    ready: asked !== null || latestEntered !== undefined,
    from,
    to: end,
    by: params.get('pas') === 'annee' ? 'year' : 'quarter',
    open: scope && indicator ? { scope, indicator } : null,
  };
}

/** The dashboard's state in the address, with setters that replace the history entry. */
export function useDashboardParams(latestEntered: Quarter | null | undefined, now: Date) {
  const [search, setSearch] = useSearchParams();
  const key = search.toString();
  // The router applies a new address a few microtasks after the change; until then the
  // pending copy answers, so controlled inputs (radios, selects) do not flick back.
  const [pending, setPending] = useState<{ base: string; next: URLSearchParams } | null>(null);
  const current = pending && pending.base === key ? pending.next : search;
  const state = readDashboardParams(current, now, latestEntered);
  const update = (changes: Record<string, string | null>) => {
    const next = new URLSearchParams(current);
    for (const [k, v] of Object.entries(changes)) {
      if (v === null) next.delete(k);
      else next.set(k, v);
    }
    setPending({ base: key, next });
    setSearch(next, { replace: true, preventScrollReset: true });
  };
  return {
    ...state,
    setRange: (from: Quarter, to: Quarter) => update({ du: from, au: to }),
    setBy: (by: Step) => update({ pas: by === 'year' ? 'annee' : null }),
    openTrend: (scope: string, indicator: string) =>
      update({ perimetre: scope, indicateur: indicator }),
    closeTrend: () => update({ perimetre: null, indicateur: null }),
  };
}
