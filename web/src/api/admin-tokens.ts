import type { ApiToken } from '@ptce/shared/users.schema';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, qs } from '../lib/api-client';
import { keys } from './keys';

export type OwnedToken = ApiToken & { user: { id: number; email: string; name: string } };

export const getAllTokens = (q: { user?: number | undefined } = {}) =>
  api<{ tokens: OwnedToken[] }>(`/api/admin/tokens${qs(q)}`).then((r) => r.tokens);

export const allTokensQuery = (q: { user?: number | undefined } = {}) =>
  queryOptions({ queryKey: keys.allTokens(q), queryFn: () => getAllTokens(q) });

/** Every user's API tokens, or one user's (admin only). */
export const useAllTokens = (q: { user?: number | undefined } = {}) => useQuery(allTokensQuery(q));

export const revokeAnyToken = (id: number) =>
  api<void>(`/api/admin/tokens/${id}`, { method: 'DELETE' });

/** Revokes anyone's token (admin); refreshes every token list. */
export function useRevokeAnyToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: revokeAnyToken,
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.tokens() }),
  });
}
