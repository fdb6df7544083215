// The region dashboard's rows of the national benchmark (issue 11): the answer a CRESS's
// region page asks first, for one region and for every region in turn.
import { loadCatalogue } from '@ptce/data/catalogue';
import { quarterFromIndex, quarterIndex, yearOf } from '@ptce/shared/periods';

/** The dataset's regions (bench/dataset.ts: poles dealt over 13 regions, ~23 each). */
export const everyRegion = Array.from(
  { length: 13 },
  (_, i) => `R${String(i + 1).padStart(2, '0')}`,
);

/**
 * The range of the region page's first request for the three years up to `to`: by quarter from
 * Q1 of the year before, so that each tile compares with the same quarter a year earlier.
 */
export function regionPageRange(to: string): { from: string; to: string } {
  return { from: `${yearOf(quarterFromIndex(quarterIndex(to) - 11)) - 1}Q1`, to };
}

/** The indicator the region page compares first: the catalogue's first. */
const FIRST_COMPARED = loadCatalogue().indicators[0]!.code;

/**
 * The region page's first request for `region`, over `regionPageRange(to)`: the region's
 * totals, and its poles' series of the indicator the page compares first.
 */
export function regionValuesPath(region: string, to: string): string {
  const range = regionPageRange(to);
  return `/api/regions/${region}/values?from=${range.from}&to=${range.to}&by=quarter&indicators=${FIRST_COMPARED}`;
}
