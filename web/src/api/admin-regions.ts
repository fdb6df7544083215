import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api-client';
import { keys } from './keys';

export interface RegionWithCount {
  code: string;
  name: string;
  poles: number;
}

export const getRegions = () =>
  api<{ regions: RegionWithCount[] }>('/api/admin/regions').then((r) => r.regions);

export const regionsQuery = () => queryOptions({ queryKey: keys.regions(), queryFn: getRegions });

/** Every region with its number of poles (admin only). */
export const useRegions = () => useQuery(regionsQuery());

export const createRegion = (body: { code: string; name: string }) =>
  api<{ region: RegionWithCount }>('/api/admin/regions', { method: 'POST', body }).then(
    (r) => r.region,
  );

export function useCreateRegion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createRegion,
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.regions() }),
  });
}
