import type { MarkReadRequest } from '@ptce/shared/notifications.schema';
import { MarkReadResponseSchema } from '@ptce/shared/notifications.wire';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { notificationKeys } from './notification-keys';

/** `POST /api/notifications/read` (`ids`: these; none: all); refreshes the lists and the count. */
export function useMarkRead() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkReadRequest) =>
      api('/api/notifications/read', MarkReadResponseSchema, { method: 'POST', body }),
    onSuccess: (res) => {
      qc.setQueryData(notificationKeys.unread(), { unread: res.unread });
      qc.invalidateQueries({ queryKey: notificationKeys.all() });
    },
  });
}
