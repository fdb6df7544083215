import type { Pole } from '@ptce/shared/poles.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../lib/api-client';
import { keys } from './keys';

export interface NewPole {
  slug: string;
  name: string;
  territory: string;
  region: string;
}

export const createPole = (body: NewPole) =>
  api<{ pole: Pole }>('/api/admin/poles', { method: 'POST', body }).then((r) => r.pole);

export const updatePole = (
  slug: string,
  body: { name?: string; territory?: string; region?: string },
) =>
  api<{ pole: Pole }>(`/api/admin/poles/${encodeURIComponent(slug)}`, {
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
    mutationFn: (body: { name?: string; territory?: string; region?: string }) =>
      updatePole(slug, body),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: keys.poles(), exact: true });
      qc.invalidateQueries({ queryKey: keys.pole(slug), exact: true });
      qc.invalidateQueries({ queryKey: keys.regions() });
    },
  });
}
