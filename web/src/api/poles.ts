import type { Pole, PoleSummary } from '@ptce/shared/poles.schema';
import type { Role } from '@ptce/shared/session.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '../lib/api-client';
import { keys } from './keys';

export type PoleDetail = Pole & { roles: Role[] };

export const getPoles = () => api<{ poles: PoleSummary[] }>('/api/poles').then((r) => r.poles);
export const polesQuery = () =>
  queryOptions({ queryKey: keys.poles(), queryFn: getPoles, staleTime: 60_000 });
export const usePoles = () => useQuery(polesQuery());

export const getPole = (pole: string) => api<PoleDetail>(`/api/poles/${encodeURIComponent(pole)}`);
export const poleQuery = (pole: string) =>
  queryOptions({ queryKey: keys.pole(pole), queryFn: () => getPole(pole), staleTime: 60_000 });
export const usePole = (pole: string) => useQuery(poleQuery(pole));
