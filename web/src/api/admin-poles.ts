import type { CreatePoleRequest, UpdatePoleRequest } from '@ptce/shared/admin.schema';
import { PoleResponseSchema } from '@ptce/shared/poles.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api-client';
import { keys } from './keys';

const createPole = (body: CreatePoleRequest) =>
  api('/api/admin/poles', PoleResponseSchema, { method: 'POST', body }).then((r) => r.pole);

const updatePole = (slug: string, body: UpdatePoleRequest) =>
  api(`/api/admin/poles/${encodeURIComponent(slug)}`, PoleResponseSchema, {
    method: 'PATCH',
    body,
  }).then((r) => r.pole);

/** Creates a pole (with its pole scope); refreshes the pole list and the region counts. */
export function useCreatePole() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: createPole,
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: keys.poles(), exact: true });
      qc.invalidateQueries({ queryKey: keys.regions() });
    },
  });
}

/** Name, territory or region of a pole (its slug never changes). */
export function useUpdatePole(slug: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdatePoleRequest) => updatePole(slug, body),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: keys.poles(), exact: true });
      qc.invalidateQueries({ queryKey: keys.pole(slug), exact: true });
      qc.invalidateQueries({ queryKey: keys.regions() });
    },
  });
}
