import type { Scope } from '@ptce/shared/poles.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api-client';
import { keys } from './keys';

const base = (pole: string) => `/api/admin/poles/${encodeURIComponent(pole)}/scopes`;

export const createGroup = (
  pole: string,
  body: { slug: string; name: string; indicators?: string[] },
) => api<{ scope: Scope }>(base(pole), { method: 'POST', body }).then((r) => r.scope);

export const renameScope = (pole: string, scope: string, name: string) =>
  api<{ scope: Scope }>(`${base(pole)}/${encodeURIComponent(scope)}`, {
    method: 'PATCH',
    body: { name },
  }).then((r) => r.scope);

export const setScopeIndicators = (pole: string, scope: string, indicators: string[]) =>
  api<{ scope: Scope }>(`${base(pole)}/${encodeURIComponent(scope)}/indicators`, {
    method: 'PUT',
    body: { indicators },
  }).then((r) => r.scope);

/** Adds, renames a scope or sets its indicators; each refreshes the pole (and its periods). */
export function useScopeMutations(pole: string) {
  const qc = useQueryClient();
  const onSuccess = () => {
    qc.invalidateQueries({ queryKey: keys.pole(pole), exact: true });
    qc.invalidateQueries({ queryKey: keys.allPeriods(pole) });
  };
  return {
    create: useMutation({
      mutationFn: (body: { slug: string; name: string; indicators?: string[] }) =>
        createGroup(pole, body),
      onSuccess,
    }),
    rename: useMutation({
      mutationFn: (v: { scope: string; name: string }) => renameScope(pole, v.scope, v.name),
      onSuccess,
    }),
    setIndicators: useMutation({
      mutationFn: (v: { scope: string; indicators: string[] }) =>
        setScopeIndicators(pole, v.scope, v.indicators),
      onSuccess,
    }),
  };
}
