import type { Membership } from '@ptce/shared/session.schema';
import type { CreateUserRequest } from '@ptce/shared/users.schema';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api-client';
import { keys } from './keys';

/** An account as the admin sees it (never a password). */
export interface UserAccount {
  id: number;
  email: string;
  name: string;
  createdAt: string;
  disabledAt: string | null;
  memberships: Membership[];
}

export const getUsers = () => api<{ users: UserAccount[] }>('/api/users').then((r) => r.users);

export const usersQuery = () => queryOptions({ queryKey: keys.users(), queryFn: getUsers });

/** Every account (admin only). */
export const useUsers = () => useQuery(usersQuery());

export const createUser = (body: CreateUserRequest) =>
  api<{ user: UserAccount }>('/api/users', { method: 'POST', body }).then((r) => r.user);

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.users() }),
  });
}
