import { NOTIFICATION_KINDS, type NotificationKind } from '@ptce/shared/notifications.wire';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { usePoles } from '../../api/poles';
import { ErrorMessage, QueryState } from '../../components/query-state';
import { type NotificationFilters, useNotifications } from './list-notifications';
import { useMarkRead } from './mark-read';
import { NotificationItem } from './notification-item';

const ALL = '*';

/** The caller's notifications with their filters (kept in the address), read one by one or all. */
export function NotificationList({
  filters,
  onFilters,
}: {
  filters: NotificationFilters;
  onFilters: (next: NotificationFilters) => void;
}) {
  const { t } = useTranslation('notifications');
  const id = useId();
  const list = useNotifications(filters);
  const poles = usePoles();
  const markRead = useMarkRead();
  const set = (patch: NotificationFilters) => onFilters({ ...filters, ...patch });
  const query = {
    data: list.data,
    error: list.error,
    isPending: list.isPending,
    refetch: () => list.refetch(),
  };
  const filtered = filters.unread !== undefined || filters.kind || filters.pole;
  return (
    <>
      <search className="notification-filters" aria-label={t('filters')}>
        <div>
          <label htmlFor={`${id}-show`}>{t('show')}</label>
          <select
            id={`${id}-show`}
            value={filters.unread ?? ALL}
            onChange={(e) =>
              set({ unread: e.target.value === ALL ? undefined : (e.target.value as 'true') })
            }
          >
            <option value={ALL}>{t('every')}</option>
            <option value="true">{t('unreadOnly')}</option>
            <option value="false">{t('readOnly')}</option>
          </select>
        </div>
        <div>
          <label htmlFor={`${id}-kind`}>{t('kind')}</label>
          <select
            id={`${id}-kind`}
            value={filters.kind ?? ALL}
            onChange={(e) =>
              set({
                kind: e.target.value === ALL ? undefined : (e.target.value as NotificationKind),
              })
            }
          >
            <option value={ALL}>{t('allKinds')}</option>
            {NOTIFICATION_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`kinds.${k}`)}
              </option>
            ))}
          </select>
        </div>
        {(poles.data?.length ?? 0) > 1 && (
          <div>
            <label htmlFor={`${id}-pole`}>{t('pole')}</label>
            <select
              id={`${id}-pole`}
              value={filters.pole ?? ALL}
              onChange={(e) => set({ pole: e.target.value === ALL ? undefined : e.target.value })}
            >
              <option value={ALL}>{t('allPoles')}</option>
              {poles.data?.map((p) => (
                <option key={p.slug} value={p.slug}>
                  {p.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </search>
      <QueryState query={query} minHeight="12rem">
        {(data) => {
          const items = data.pages.flatMap((p) => p.notifications);
          const unread = data.pages[0]?.unread ?? 0;
          return (
            <>
              <div className="notification-summary">
                <p aria-live="polite">
                  {unread > 0 ? t('unreadCount', { count: unread }) : t('noneUnread')}
                </p>
                {unread > 0 && (
                  <button
                    type="button"
                    onClick={() => markRead.mutate({})}
                    disabled={markRead.isPending}
                  >
                    {t('markAllRead')}
                  </button>
                )}
              </div>
              {markRead.error && <ErrorMessage error={markRead.error} />}
              {items.length === 0 ? (
                <p>{filtered ? t('emptyFiltered') : t('empty')}</p>
              ) : (
                <ul className="notification-list" aria-label={t('title')}>
                  {items.map((n) => (
                    <NotificationItem
                      key={n.id}
                      notification={n}
                      busy={markRead.isPending}
                      onRead={(nid) => markRead.mutate({ ids: [nid] })}
                    />
                  ))}
                </ul>
              )}
              {list.hasNextPage && (
                <button
                  type="button"
                  onClick={() => list.fetchNextPage()}
                  disabled={list.isFetchingNextPage}
                >
                  {t('more')}
                </button>
              )}
            </>
          );
        }}
      </QueryState>
    </>
  );
}
