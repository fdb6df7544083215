/**
 * A pole's quarter as the dashboard reads it (values/quarter-totals.repository.ts): the entered
 * totals and ratio-term slices, serialised. `stamp` grows with every write to the quarter's
 * values (in the write's transaction); `entries` null means "to rebuild from the values".
 */
export interface QuarterTotalTable {
  pole_id: number;
  period: string;
  stamp: number;
  /** What `entries` was built with (`termsKey`: its format, the ratio-term slices); null when stale. */
  terms: string | null;
  /** JSON of the quarter's entries (`quarterEntries`); null when stale. */
  entries: string | null;
  /** The same cells, group id, indicator, slice and value only (`quarterTexts`); null when stale.
   * Before `entries` in the row: read without walking the larger text's overflow pages. */
  cells: string | null;
}
