import type { UpdateUserRequest } from '@ptce/shared/admin.schema';
import { UserResponseSchema } from '@ptce/shared/users.wire';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, NO_CONTENT } from '../lib/api-client';
import { keys } from './keys';

const base = (id: number) => `/api/admin/users/${id}`;

const updateUser = (id: number, body: UpdateUserRequest) =>
  api(base(id), UserResponseSchema, { method: 'PATCH', body }).then((r) => r.user);

const setUserDisabled = (id: number, disabled: boolean) =>
  api(`${base(id)}/${disabled ? 'disable' : 'enable'}`, UserResponseSchema, {
    method: 'POST',
    body: {},
  }).then((r) => r.user);

const resetPassword = (id: number, password: string) =>
  api(`${base(id)}/password`, NO_CONTENT, { method: 'PUT', body: { password } });

/** Name and memberships of an account; refreshes the user list. */
export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number } & UpdateUserRequest) => {
      const { id, ...body } = v;
      return updateUser(id, body);
    },
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.users() }),
  });
}

/** Disables (sessions end at once, tokens stop working) or enables an account. */
export function useSetUserDisabled() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; disabled: boolean }) => setUserDisabled(v.id, v.disabled),
    onSuccess: () => qc.invalidateQueries({ queryKey: keys.users() }),
  });
}

/** Sets a new password; the user's open sessions end. */
export function useResetPassword() {
  return useMutation({
    mutationFn: (v: { id: number; password: string }) => resetPassword(v.id, v.password),
  });
}
