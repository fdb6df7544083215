import type { LoginRequest } from '@ptce/shared/session.schema';
import { type SessionResponse, SessionResponseSchema } from '@ptce/shared/session.wire';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api, NO_CONTENT } from '../lib/api-client';
import { keys } from './keys';

/** Who am I; `null` when not logged in (a 401 is an answer here, not an error). */
async function getSession(): Promise<SessionResponse | null> {
  try {
    return await api('/api/session', SessionResponseSchema);
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) return null;
    throw err;
  }
}

const sessionQuery = () =>
  queryOptions({ queryKey: keys.session(), queryFn: getSession, staleTime: 60_000 });
export const useSession = () => useQuery(sessionQuery());

function login(body: LoginRequest) {
  return api('/api/session', SessionResponseSchema, { method: 'POST', body });
}

export function useLogin() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: login,
    onSuccess: (session) => {
      qc.clear();
      qc.setQueryData(keys.session(), session);
    },
  });
}

export function useLogout() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => api('/api/session', NO_CONTENT, { method: 'DELETE' }),
    onSettled: () => {
      qc.clear();
      qc.setQueryData(keys.session(), null);
    },
  });
}
