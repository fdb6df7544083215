/**
 * Core domain records shared by the pure functions (aggregation, rules, breakdowns).
 * They carry numbers only; API shapes with comments and versions live in the *.schema.ts files.
 */

/** A quarter written `YYYYQn`, e.g. `2025Q2`. */
export type Quarter = string;

/** One stored number: a scope's indicator for a quarter and slice (`''` = total). */
export interface Cell {
  scope: string;
  indicator: string;
  period: Quarter;
  slice: string;
  value: number;
}

/** Key of a cell within one pole: `scope|indicator|period|slice`. */
export function cellKey(c: Pick<Cell, 'scope' | 'indicator' | 'period' | 'slice'>): string {
  return cellKeyOf(c.scope, c.indicator, c.period, c.slice);
}

/** `cellKey` of its parts, with no cell to build (the rules' reads of other quarters). */
export function cellKeyOf(scope: string, indicator: string, period: string, slice: string): string {
  return `${scope}|${indicator}|${period}|${slice}`;
}
