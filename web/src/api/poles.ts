import { PoleDetailSchema, PolesResponseSchema } from '@ptce/shared/poles.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../lib/api-client';
import { keys } from './keys';

const getPoles = () => api('/api/poles', PolesResponseSchema).then((r) => r.poles);
const polesQuery = () =>
  queryOptions({ queryKey: keys.poles(), queryFn: getPoles, staleTime: 60_000 });
export const usePoles = () => useQuery(polesQuery());

const getPole = (pole: string) => api(`/api/poles/${encodeURIComponent(pole)}`, PoleDetailSchema);
const poleQuery = (pole: string) =>
  queryOptions({ queryKey: keys.pole(pole), queryFn: () => getPole(pole), staleTime: 60_000 });
export const usePole = (pole: string) => useQuery(poleQuery(pole));
