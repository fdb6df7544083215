import type { Catalogue } from '@ptce/shared/catalogue.schema';
import type { Cell } from '@ptce/shared/domain.types';
import { buildFigures, type Figures } from '@ptce/shared/figures/figures';
import type { StoredValue } from '@ptce/shared/values.schema';
import { cellKey } from './entry-model';

/** A scope's entered number for a quarter, indicator and slice, or null when not entered. */
export type Lookup = (period: string, indicator: string, slice: string) => number | null;

/** Stored values for every quarter but `period`, whose numbers are the grid's current ones. */
export function makeLookup(
  stored: Map<string, Map<string, StoredValue>>,
  period: string,
  current: Map<string, number>,
): Lookup {
  return (p, indicator, slice) => {
    const key = cellKey(indicator, slice);
    if (p === period) return current.get(key) ?? null;
    return stored.get(p)?.get(key)?.value ?? null;
  };
}

/**
 * The shared figures of one scope with what the grid holds now: the stored values of the
 * other quarters (`from`…`period`) and the grid's current numbers for `period`. Every total,
 * ratio and year to date the grid shows is read from them.
 */
export function gridFigures(
  catalogue: Catalogue,
  scope: string,
  stored: readonly StoredValue[],
  period: string,
  current: Map<string, number>,
  from: string,
): Figures {
  const cells: Cell[] = [];
  for (const v of stored) if (v.period !== period) cells.push({ ...v, scope });
  for (const [key, value] of current) {
    const [indicator = '', slice = ''] = key.split('|');
    cells.push({ scope, indicator, period, slice, value });
  }
  return buildFigures(catalogue, cells, { from, to: period });
}
