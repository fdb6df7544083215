import type { NarrativeSaveRequest } from '@ptce/shared/narrative.schema';
import { NarrativeHistorySchema, NarrativeSchema } from '@ptce/shared/narrative.wire';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../lib/api-client';
import { keys } from './keys';

const base = (pole: string, period: string) =>
  `/api/poles/${encodeURIComponent(pole)}/periods/${encodeURIComponent(period)}/narrative`;

const narrativeQuery = (pole: string, period: string) =>
  queryOptions({
    queryKey: keys.narrative(pole, period),
    queryFn: () => api(base(pole, period), NarrativeSchema),
  });

/** A quarter's "faits marquants" (`enabled: false` while the quarter is not known). */
export const useNarrative = (pole: string, period: string | null) =>
  useQuery({ ...narrativeQuery(pole, period ?? ''), enabled: period !== null });

/** The changes of a quarter's narrative, newest first; `scope`: one text's (`pole`: the pole's). */
export const useNarrativeHistory = (pole: string, period: string | null, scope?: string) =>
  useQuery({
    queryKey: keys.narrativeHistory(pole, period ?? '', { scope }),
    queryFn: () => api(`${base(pole, period!)}/history${qs({ scope })}`, NarrativeHistorySchema),
    enabled: period !== null,
  });

/** Saves a quarter's narrative; the answer becomes the cached narrative, its history refreshed. */
export function useSaveNarrative(pole: string, period: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: NarrativeSaveRequest) =>
      api(base(pole, period), NarrativeSchema, { method: 'PUT', body }),
    onSuccess: (saved) => {
      qc.setQueryData(keys.narrative(pole, period), saved);
      qc.invalidateQueries({ queryKey: keys.narrativeHistory(pole, period).slice(0, 5) });
    },
  });
}
