import type { NotificationsQuery } from '@ptce/shared/notifications.schema';
import { NotificationsResponseSchema } from '@ptce/shared/notifications.wire';
import { useInfiniteQuery } from '@tanstack/react-query';
import { api, qs } from '../../lib/api-client';
import { notificationKeys } from './notification-keys';

export type NotificationFilters = Pick<NotificationsQuery, 'unread' | 'kind' | 'pole'>;

/** `GET /api/notifications` with the filters, page after page (`fetchNextPage`). */
export const useNotifications = (filters: NotificationFilters) =>
  useInfiniteQuery({
    queryKey: notificationKeys.list(filters),
    queryFn: ({ pageParam, signal }) =>
      api(
        `/api/notifications${qs({ ...filters, before: pageParam })}`,
        NotificationsResponseSchema,
        {
          signal,
        },
      ),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
