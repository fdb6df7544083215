import type { PeriodStatus } from '../periods.schema';

export type Level = 'scope' | 'pole' | 'region';
export type Granularity = 'quarter' | 'year';

/** A row's workflow state: the one state of every quarter it aggregates, or `mixed`. */
export type RowStatus = PeriodStatus | 'mixed';

/** The labels of an output group (empty strings for columns above the level). */
export interface GroupLabels {
  region: string;
  pole: string;
  scope: string;
}

/** One aggregated number, in the long format of the exports (DESIGN.md "The export"). */
export interface AggregateRow extends GroupLabels {
  indicator: string;
  unit: string;
  /** A quarter `2025Q2` or a year `2025`. */
  period: string;
  /** `''` for the total, `dimension=member` for a breakdown. */
  slice: string;
  /** Null when nothing can be computed (a ratio with no matched parts or a zero denominator). */
  value: number | null;
  status: RowStatus;
  /** True when every member expected to report it entered every quarter the row aggregates. */
  complete: boolean;
}

/** The column order of every export format. */
export const EXPORT_COLUMNS = [
  'region',
  'pole',
  'scope',
  'indicator',
  'unit',
  'period',
  'slice',
  'value',
  'status',
  'complete',
] as const;
