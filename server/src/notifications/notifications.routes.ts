import { kindsFor } from '@ptce/shared/notifications';
import {
  MarkReadRequestSchema,
  type MarkReadResponse,
  NotificationsQuerySchema,
  type NotificationsResponse,
  OutboxQuerySchema,
  type OutboxResponse,
  type Preferences,
  PreferencesUpdateSchema,
  type UnreadCount,
} from '@ptce/shared/notifications.schema';
import { Hono } from 'hono';
import { visiblePoleIds } from '../auth/access';
import { requirePrincipal } from '../auth/auth.middleware';
import { isAdmin, type Principal } from '../auth/principal';
import { transact } from '../db/engine';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson, readQuery } from '../http/validate';
import { countUnread, findNotifications, markRead } from './notifications.repository';
import { findOutbox, outboxCounts } from './outbox.repository';
import { findPreferences, savePreferences } from './preferences.repository';

/**
 * The caller's notifications (`/api/notifications`): the list with filters, the unread count,
 * marking read, the preferences; and the e-mail outbox for an admin. Only the caller's own, of
 * the poles it may read now: another user's id answers 404.
 */
export function notificationsRoutes(deps: AppDeps) {
  const mailEnabled = () => deps.notifier?.mailEnabled ?? false;
  const preferencesOf = async (p: Principal): Promise<Preferences> => ({
    mailEnabled: mailEnabled(),
    email: p.email,
    ...(await findPreferences(deps.db, p.userId)),
    relevant: kindsFor(p.grants.map((g) => g.role)),
  });
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const p = requirePrincipal(c);
      const q = readQuery(c, NotificationsQuerySchema);
      const visible = await visiblePoleIds(deps.db, p);
      const page = await findNotifications(deps.db, p.userId, visible, q);
      const unread = await countUnread(deps.db, p.userId, visible);
      return c.json({ ...page, unread } satisfies NotificationsResponse, 200);
    })
    .get('/unread-count', async (c) => {
      const p = requirePrincipal(c);
      const unread = await countUnread(deps.db, p.userId, await visiblePoleIds(deps.db, p));
      return c.json({ unread } satisfies UnreadCount, 200);
    })
    .post('/read', async (c) => {
      const p = requirePrincipal(c);
      const hasBody =
        (c.req.header('content-length') ?? '0') !== '0' || c.req.header('content-type');
      const body = hasBody ? await readJson(c, MarkReadRequestSchema) : {};
      const visible = await visiblePoleIds(deps.db, p);
      const at = deps.now().toISOString();
      const marked = await transact(deps.db, (trx) =>
        markRead(trx, p.userId, visible, body.ids, at),
      );
      if (marked === null) throw new ApiError('NOT_FOUND');
      const unread = await countUnread(deps.db, p.userId, visible);
      return c.json({ marked, unread } satisfies MarkReadResponse, 200);
    })
    .get('/preferences', async (c) => c.json(await preferencesOf(requirePrincipal(c)), 200))
    .put('/preferences', async (c) => {
      const p = requirePrincipal(c);
      const body = await readJson(c, PreferencesUpdateSchema);
      await transact(deps.db, (trx) => savePreferences(trx, p.userId, body));
      return c.json(await preferencesOf(p), 200);
    })
    .get('/outbox', async (c) => {
      if (!isAdmin(requirePrincipal(c))) throw new ApiError('FORBIDDEN');
      const q = readQuery(c, OutboxQuerySchema);
      const { counts, pendingEvents } = await outboxCounts(deps.db);
      const page = await findOutbox(deps.db, q);
      return c.json(
        { mailEnabled: mailEnabled(), counts, pendingEvents, ...page } satisfies OutboxResponse,
        200,
      );
    });
}
