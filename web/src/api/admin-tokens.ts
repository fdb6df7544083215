import { OwnedTokensResponseSchema } from '@ptce/shared/users.wire';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, NO_CONTENT, qs } from '../lib/api-client';
import { keys } from './keys';

const getAllTokens = (q: { user?: number | undefined } = {}) =>
  api(`/api/admin/tokens${qs(q)}`, OwnedTokensResponseSchema).then((r) => r.tokens);

const allTokensQuery = (q: { user?: number | undefined } = {}) =>
  queryOptions({ queryKey: keys.allTokens(q), queryFn: () => getAllTokens(q) });

/** Every user's API tokens, or one user's (admin only). */
export const useAllTokens = (q: { user?: number | undefined } = {}) => useQuery(allTokensQuery(q));

const revokeAnyToken = (id: number) =>
  api(`/api/admin/tokens/${id}`, NO_CONTENT, { method: 'DELETE' });

/** Revokes anyone's token (admin); refreshes every token list. */
export function useRevokeAnyToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: revokeAnyToken,
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.tokens() }),
  });
}
