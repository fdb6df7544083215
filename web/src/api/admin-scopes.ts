import type { CreateGroupRequest } from '@ptce/shared/admin.schema';
import { ScopeResponseSchema } from '@ptce/shared/poles.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api-client';
import { keys } from './keys';

const base = (pole: string) => `/api/admin/poles/${encodeURIComponent(pole)}/scopes`;

const createGroup = (pole: string, body: CreateGroupRequest) =>
  api(base(pole), ScopeResponseSchema, { method: 'POST', body }).then((r) => r.scope);

const renameScope = (pole: string, scope: string, name: string) =>
  api(`${base(pole)}/${encodeURIComponent(scope)}`, ScopeResponseSchema, {
    method: 'PATCH',
    body: { name },
  }).then((r) => r.scope);

const setScopeIndicators = (pole: string, scope: string, indicators: string[]) =>
  api(`${base(pole)}/${encodeURIComponent(scope)}/indicators`, ScopeResponseSchema, {
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
      mutationFn: (body: CreateGroupRequest) => createGroup(pole, body),
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
