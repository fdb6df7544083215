import type { CreateUserRequest } from '@ptce/shared/users.schema';
import { UserResponseSchema, UsersResponseSchema } from '@ptce/shared/users.wire';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api-client';
import { keys } from './keys';

const getUsers = () => api('/api/users', UsersResponseSchema).then((r) => r.users);

const usersQuery = () => queryOptions({ queryKey: keys.users(), queryFn: getUsers });

/** Every account (admin only). */
export const useUsers = () => useQuery(usersQuery());

const createUser = (body: CreateUserRequest) =>
  api('/api/users', UserResponseSchema, { method: 'POST', body }).then((r) => r.user);

export function useCreateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createUser,
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.users() }),
  });
}
