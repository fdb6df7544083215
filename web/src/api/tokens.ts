import type { ApiToken, CreateTokenRequest } from '@ptce/shared/users.schema';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api-client';
import { keys } from './keys';

export const getTokens = () => api<{ tokens: ApiToken[] }>('/api/tokens').then((r) => r.tokens);

export const tokensQuery = () => queryOptions({ queryKey: keys.tokens(), queryFn: getTokens });

/** The caller's own API tokens (any role). */
export const useTokens = () => useQuery(tokensQuery());

/** Creates a token; the answer holds its secret, shown this once only. */
export const createToken = (body: CreateTokenRequest) =>
  api<{ token: ApiToken; secret: string }>('/api/tokens', { method: 'POST', body });

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.tokens() }),
  });
}

export const revokeOwnToken = (id: number) => api<void>(`/api/tokens/${id}`, { method: 'DELETE' });

export function useRevokeOwnToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: revokeOwnToken,
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.tokens() }),
  });
}
