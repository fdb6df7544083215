import type { SaveTargetsRequest } from '@ptce/shared/targets.schema';
import { TargetsResponseSchema } from '@ptce/shared/targets.wire';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api-client';
import { keys } from './keys';

const getTargets = (pole: string, year: number) =>
  api(`/api/poles/${encodeURIComponent(pole)}/targets?year=${year}`, TargetsResponseSchema).then(
    (r) => r.targets,
  );

export const targetsQuery = (pole: string, year: number) =>
  queryOptions({ queryKey: keys.targets(pole, year), queryFn: () => getTargets(pole, year) });

export const useTargets = (pole: string, year: number) => useQuery(targetsQuery(pole, year));

/** Saves a year's targets all-or-nothing; the answer (the year's targets) fills the cache. */
export function useSaveTargets(pole: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveTargetsRequest) =>
      api(`/api/poles/${encodeURIComponent(pole)}/targets`, TargetsResponseSchema, {
        method: 'PUT',
        body,
      }),
    onSuccess: (r) => {
      qc.setQueryData(keys.targets(pole, r.year), r.targets);
      qc.invalidateQueries({ queryKey: keys.allTargets(pole) });
    },
  });
}
