import type { CreateTokenRequest } from '@ptce/shared/users.schema';
import { CreatedTokenSchema, TokensResponseSchema } from '@ptce/shared/users.wire';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, NO_CONTENT } from '../lib/api-client';
import { keys } from './keys';

const getTokens = () => api('/api/tokens', TokensResponseSchema).then((r) => r.tokens);

const tokensQuery = () => queryOptions({ queryKey: keys.tokens(), queryFn: getTokens });

/** The caller's own API tokens (any role). */
export const useTokens = () => useQuery(tokensQuery());

/** Creates a token; the answer holds its secret, shown this once only. */
const createToken = (body: CreateTokenRequest) =>
  api('/api/tokens', CreatedTokenSchema, { method: 'POST', body });

export function useCreateToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.tokens() }),
  });
}

const revokeOwnToken = (id: number) => api(`/api/tokens/${id}`, NO_CONTENT, { method: 'DELETE' });

export function useRevokeOwnToken() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: revokeOwnToken,
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.tokens() }),
  });
}
