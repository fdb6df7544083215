import type { OutboxQuery } from '@ptce/shared/notifications.schema';
import { OutboxResponseSchema } from '@ptce/shared/notifications.wire';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api-client';
import { notificationKeys } from './notification-keys';

/** `GET /api/notifications/outbox` (admin), of one state or all, page after page. */
export const useOutbox = (q: Pick<OutboxQuery, 'state'>) =>
  useInfiniteQuery({
    queryKey: notificationKeys.outbox(q),
    queryFn: ({ pageParam, signal }) =>
      api(`/api/notifications/outbox${qs({ ...q, before: pageParam })}`, OutboxResponseSchema, {
        signal,
      }),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
