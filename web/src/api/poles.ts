import {
  type PoleDetail,
  PoleDetailSchema,
  PolesResponseSchema,
  scopeNameIn,
} from '@ptce/shared/poles.schema';
import { queryOptions, useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { api } from '../lib/api-client';
import { useLang } from '../lib/use-lang';
import { keys } from './keys';

const getPoles = () => api('/api/poles', PolesResponseSchema).then((r) => r.poles);
const polesQuery = () =>
  queryOptions({ queryKey: keys.poles(), queryFn: getPoles, staleTime: 60_000 });
export const usePoles = () => useQuery(polesQuery());

const getPole = (pole: string) => api(`/api/poles/${encodeURIComponent(pole)}`, PoleDetailSchema);
const poleQuery = (pole: string) =>
  queryOptions({ queryKey: keys.pole(pole), queryFn: () => getPole(pole), staleTime: 60_000 });

/**
 * One pole with its scopes. Their names are shown in the UI's language where they are fixed
 * labels (the pole-level scope's own name, `scopeNameIn`); `{ stored: true }` keeps them as
 * stored (the admin renaming them).
 */
export function usePole(pole: string, opts: { stored?: boolean } = {}) {
  const lang = useLang();
  const named = useCallback(
    (d: PoleDetail): PoleDetail => ({
      ...d,
      scopes: d.scopes.map((s) => ({ ...s, name: scopeNameIn(s, lang) })),
    }),
    [lang],
  );
  return useQuery({ ...poleQuery(pole), ...(opts.stored ? {} : { select: named }) });
}
