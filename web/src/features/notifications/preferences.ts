import type { PreferencesUpdate } from '@ptce/shared/notifications.schema';
import { PreferencesSchema } from '@ptce/shared/notifications.wire';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { notificationKeys } from './notification-keys';

const PATH = '/api/notifications/preferences';

/** `GET /api/notifications/preferences`. */
export const usePreferences = () =>
  useQuery({
    queryKey: notificationKeys.preferences(),
    queryFn: ({ signal }) => api(PATH, PreferencesSchema, { signal }),
  });

/** `PUT /api/notifications/preferences`; the answer becomes the cached preferences. */
export function useSavePreferences() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: PreferencesUpdate) => api(PATH, PreferencesSchema, { method: 'PUT', body }),
    onSuccess: (saved) => qc.setQueryData(notificationKeys.preferences(), saved),
  });
}
