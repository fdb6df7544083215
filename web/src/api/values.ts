import type { SaveValuesRequest, ValuesQuery } from '@ptce/shared/values.schema';
import {
  PoleSeriesResponseSchema,
  SaveValuesResponseSchema,
  seriesCells,
  ValuesResponseSchema,
} from '@ptce/shared/values.wire';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../lib/api-client';
import { keys } from './keys';

/** What a screen showing totals and ratios reads of `from`…`to`. */
export const figuresQuery = (from: string | undefined, to: string | undefined): ValuesQuery => ({
  from,
  to,
  slice: '',
  ratioTerms: 'true',
});

// The answer is parsed once, here: its thousands of rows are not parsed again downstream.
const getValues = (pole: string, q: ValuesQuery) =>
  api(
    `/api/poles/${encodeURIComponent(pole)}/values${qs({ ...q }, ['slice'])}`,
    ValuesResponseSchema,
  ).then((r) => r.values);

export const valuesQuery = (pole: string, q: ValuesQuery) =>
  queryOptions({ queryKey: keys.values(pole, q), queryFn: () => getValues(pole, q) });

/**
 * The entered totals and ratio terms of `from`…`to` as cells (what the shared figures read), from
 * the series answer: the values without comments and authors, ~14× fewer bytes.
 */
export const seriesQuery = (pole: string, from: string, to: string) =>
  queryOptions({
    queryKey: keys.series(pole, from, to),
    queryFn: () =>
      api(
        `/api/poles/${encodeURIComponent(pole)}/series${qs({ from, to })}`,
        PoleSeriesResponseSchema,
      ).then(seriesCells),
  });

const saveValues = (pole: string, body: SaveValuesRequest) =>
  api(`/api/poles/${encodeURIComponent(pole)}/values`, SaveValuesResponseSchema, {
    method: 'PUT',
    body,
  });

/** Saves a batch; on success every values, history and periods query of the pole is refreshed. */
export function useSaveValues(pole: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveValuesRequest) => saveValues(pole, body),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: keys.allValues(pole) });
      qc.invalidateQueries({ queryKey: keys.history(pole).slice(0, 3) });
      qc.invalidateQueries({ queryKey: keys.allPeriods(pole) });
    },
  });
}
