import {
  MarkReadRequestSchema,
  MarkReadResponseSchema,
  NotificationsQuerySchema,
  NotificationsResponseSchema,
  OutboxQuerySchema,
  OutboxResponseSchema,
  PreferencesSchema,
  PreferencesUpdateSchema,
  UnreadCountSchema,
} from '@ptce/shared/notifications.schema';
import type { RouteDoc } from '../openapi/route-doc';

const BASE = '/api/notifications';

/** The caller's notifications, its preferences, and the e-mail outbox (admin). */
export const NOTIFICATION_ROUTES: RouteDoc[] = [
  {
    method: 'get',
    path: BASE,
    tag: 'Notifications',
    summary: 'The caller’s notifications, newest first',
    description:
      'Quarter due soon or overdue, submitted, validated, sent back or reopened (with the reason), import applied by someone else: each names the pole and quarter, and `link` is the app’s address of the screen it concerns. Only the caller’s, of the poles it may read now. `unread=true` the unread ones, `unread=false` the read ones; `kind` and `pole` filter; pages of `limit` (50) before `before` (the previous answer’s `nextBefore`). `unread` counts every unread one, whatever the filters.',
    auth: 'session',
    query: NotificationsQuerySchema,
    ok: {
      status: 200,
      description: 'A page of notifications',
      schema: NotificationsResponseSchema,
    },
    errors: [400, 401],
  },
  {
    method: 'get',
    path: `${BASE}/unread-count`,
    tag: 'Notifications',
    summary: 'How many of the caller’s notifications are unread',
    auth: 'session',
    ok: { status: 200, description: 'The unread count', schema: UnreadCountSchema },
    errors: [401],
  },
  {
    method: 'post',
    path: `${BASE}/read`,
    tag: 'Notifications',
    summary: 'Mark notifications read',
    description:
      '`ids`: these notifications of the caller; no body or no `ids`: all of them. An id that is not one of the caller’s notifications answers 404 and marks nothing. Marking a read notification again keeps its time.',
    auth: 'session',
    body: MarkReadRequestSchema,
    ok: { status: 200, description: 'Marked', schema: MarkReadResponseSchema },
    errors: [400, 401, 403, 404, 413, 415],
  },
  {
    method: 'get',
    path: `${BASE}/preferences`,
    tag: 'Notifications',
    summary: 'The caller’s notification preferences',
    description:
      'For each kind: `app` (in the app only), `email` (an e-mail at once, the default) or `digest` (one e-mail a day). `mailEnabled` false: this server sends no e-mail (PTCE_SMTP_URL unset), everything stays in the app. `relevant`: the kinds the caller’s roles receive.',
    auth: 'session',
    ok: { status: 200, description: 'The preferences', schema: PreferencesSchema },
    errors: [401],
  },
  {
    method: 'put',
    path: `${BASE}/preferences`,
    tag: 'Notifications',
    summary: 'Change the caller’s notification preferences',
    description: 'The language of the e-mails and the kinds given; the other kinds are kept.',
    auth: 'session',
    body: PreferencesUpdateSchema,
    ok: { status: 200, description: 'The preferences saved', schema: PreferencesSchema },
    errors: [400, 401, 403, 413, 415],
  },
  {
    method: 'get',
    path: `${BASE}/outbox`,
    tag: 'Notifications',
    summary: 'The e-mail outbox (admin)',
    description:
      'Counts by state (`waiting`, `sent`, `failed` — given up after three days of failures —, `skipped` — its recipient may no longer read it) and a page of e-mails, newest first, with the attempts and the last failure’s reason; `pendingEvents`: events not handed out yet.',
    auth: 'session',
    query: OutboxQuerySchema,
    ok: { status: 200, description: 'The outbox', schema: OutboxResponseSchema },
    errors: [400, 401, 403],
  },
];
