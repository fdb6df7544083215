import type { NotificationsQuery, OutboxQuery } from '@ptce/shared/notifications.schema';

/** The notifications feature's query keys, all under `['notifications']`. */
export const notificationKeys = {
  all: () => ['notifications'] as const,
  unread: () => ['notifications', 'unread'] as const,
  list: (filters: Omit<NotificationsQuery, 'before' | 'limit'>) =>
    ['notifications', 'list', filters] as const,
  preferences: () => ['notifications', 'preferences'] as const,
  outbox: (q: Omit<OutboxQuery, 'before' | 'limit'>) => ['notifications', 'outbox', q] as const,
};
