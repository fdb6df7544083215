import type { MembershipInput } from '@ptce/shared/users.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api-client';
import { keys } from './keys';
import type { UserAccount } from './users';

const base = (id: number) => `/api/admin/users/${id}`;

export const updateUser = (id: number, body: { name?: string; memberships?: MembershipInput[] }) =>
  api<{ user: UserAccount }>(base(id), { method: 'PATCH', body }).then((r) => r.user);

export const setUserDisabled = (id: number, disabled: boolean) =>
  api<{ user: UserAccount }>(`${base(id)}/${disabled ? 'disable' : 'enable'}`, {
    method: 'POST',
    body: {},
  }).then((r) => r.user);

export const resetPassword = (id: number, password: string) =>
  api<void>(`${base(id)}/password`, { method: 'PUT', body: { password } });

/** Name and memberships of an account; refreshes the user list. */
export function useUpdateUser() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: { id: number; name?: string; memberships?: MembershipInput[] }) => {
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
