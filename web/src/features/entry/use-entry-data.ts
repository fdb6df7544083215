import type { Catalogue } from '@ptce/shared/catalogue.schema';
import { QuarterSchema, shiftQuarterWithin } from '@ptce/shared/periods';
import type { PeriodWithCompleteness } from '@ptce/shared/periods.schema';
import type { PoleDetail } from '@ptce/shared/poles.schema';
import type { StoredValue } from '@ptce/shared/values.schema';
import { useQuery } from '@tanstack/react-query';
import { useCatalogue } from '../../api/catalogue';
import { periodsQuery } from '../../api/periods';
import { usePole } from '../../api/poles';
import { valuesQuery } from '../../api/values';
import { combineQueries } from '../../lib/combine-queries';

export interface EntryData {
  pole: PoleDetail;
  catalogue: Catalogue;
  /** The scope's values from the same quarter last year to the entered one. */
  values: StoredValue[];
  state: PeriodWithCompleteness | undefined;
  deadlineDays: number;
}

/** The first quarter the grid reads: the same quarter a year before (the rules need less). */
function firstQuarter(period: string): string {
  return shiftQuarterWithin(period, -4);
}

/**
 * Everything the grid needs, as one query-like object for `QueryState`: the pole and its
 * scopes, the catalogue, the scope's values and the quarter's state. `valid` is false for a
 * malformed quarter in the address.
 */
export function useEntryData(pole: string, period: string, scope: string) {
  const valid = QuarterSchema.safeParse(period).success;
  const q = valid ? period : '2000Q1';
  const poleQ = usePole(pole);
  const catalogueQ = useCatalogue();
  const valuesQ = useQuery({
    ...valuesQuery(pole, { from: firstQuarter(q), to: q, scope }),
    enabled: valid,
  });
  const periodsQ = useQuery({ ...periodsQuery(pole, { from: q, to: q }), enabled: valid });
  const all = [poleQ, catalogueQ, valuesQ, periodsQ];
  const ready = poleQ.data && catalogueQ.data && valuesQ.data && periodsQ.data;
  const data: EntryData | undefined = ready
    ? {
        pole: poleQ.data,
        catalogue: catalogueQ.data,
        values: valuesQ.data,
        state: periodsQ.data.periods.find((p) => p.period === period),
        deadlineDays: periodsQ.data.deadlineDays,
      }
    : undefined;
  return { valid, ...combineQueries(data, all) };
}
