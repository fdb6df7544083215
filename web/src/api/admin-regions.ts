import type { CreateRegionRequest } from '@ptce/shared/admin.schema';
import { RegionResponseSchema, RegionsResponseSchema } from '@ptce/shared/admin.wire';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api-client';
import { keys } from './keys';

const getRegions = () => api('/api/admin/regions', RegionsResponseSchema).then((r) => r.regions);

const regionsQuery = () => queryOptions({ queryKey: keys.regions(), queryFn: getRegions });

/** Every region with its number of poles (admin only). */
export const useRegions = () => useQuery(regionsQuery());

const createRegion = (body: CreateRegionRequest) =>
  api('/api/admin/regions', RegionResponseSchema, { method: 'POST', body }).then((r) => r.region);

export function useCreateRegion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createRegion,
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.regions() }),
  });
}
