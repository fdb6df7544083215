import type { Catalogue } from '@ptce/shared/catalogue.schema';
import { QuarterSchema, shiftQuarterWithin } from '@ptce/shared/periods';
import type { PeriodWithCompleteness } from '@ptce/shared/periods.schema';
import type { PoleDetail } from '@ptce/shared/poles.schema';
import { HISTORY_QUARTERS } from '@ptce/shared/rules.window';
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
  /**
   * The scope's totals of the quarters before those, as far as the outlier rules look back
   * (`HISTORY_QUARTERS`): what O1 judges a typed total against.
   */
  history: StoredValue[];
  state: PeriodWithCompleteness | undefined;
  deadlineDays: number;
}

/** The first quarter the grid reads whole: the same quarter a year before. */
function firstQuarter(period: string): string {
  return shiftQuarterWithin(period, -4);
}

/**
 * The totals-only range before it (empty at 2000Q1): O1 needs up to 8 entered quarters of a
 * total, looked for over `HISTORY_QUARTERS`; totals only keep the request small.
 */
function historyRange(period: string): { from: string; to: string } | null {
  const to = shiftQuarterWithin(period, -5);
  return to === firstQuarter(period)
    ? null
    : { from: shiftQuarterWithin(period, -HISTORY_QUARTERS), to };
}

/**
 * Everything the grid needs, as one query-like object for `QueryState`: the pole and its
 * scopes, the catalogue, the scope's values (and older totals) and the quarter's state.
 * `valid` is false for a malformed quarter in the address.
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
  const older = historyRange(q);
  const historyQ = useQuery({
    ...valuesQuery(pole, { ...older, scope, slice: '' }),
    enabled: valid && older !== null,
  });
  const history = older === null ? [] : historyQ.data;
  const periodsQ = useQuery({ ...periodsQuery(pole, { from: q, to: q }), enabled: valid });
  const all = [poleQ, catalogueQ, valuesQ, periodsQ, ...(older === null ? [] : [historyQ])];
  const ready = poleQ.data && catalogueQ.data && valuesQ.data && history && periodsQ.data;
  const data: EntryData | undefined = ready
    ? {
        pole: poleQ.data,
        catalogue: catalogueQ.data,
        values: valuesQ.data,
        history,
        state: periodsQ.data.periods.find((p) => p.period === period),
        deadlineDays: periodsQ.data.deadlineDays,
      }
    : undefined;
  return { valid, ...combineQueries(data, all) };
}
