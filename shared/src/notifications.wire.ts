import * as z from 'zod/mini';

// Notifications as the API answers them, in zod/mini: what the web reads (see
// docs/decisions.md, "Wire shapes in zod/mini"). The requests are in ./notifications.schema.ts.

/**
 * What a notification tells: a quarter due soon or overdue (to the pole's coordinators),
 * submitted (to the region's CRESS), validated (coordinators and board), sent back (a submitted
 * quarter back to draft) or reopened (a validated one), with the reason (coordinators), and an
 * import applied by someone else (the pole's other coordinators).
 */
export const NOTIFICATION_KINDS = [
  'dueSoon',
  'overdue',
  'submitted',
  'validated',
  'sentBack',
  'reopened',
  'importApplied',
] as const;
const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
export type NotificationKind = z.infer<typeof NotificationKindSchema>;

/** How a user receives a kind: in the app only, by e-mail at once (default), or a daily digest. */
export const DELIVERIES = ['app', 'email', 'digest'] as const;
const DeliverySchema = z.enum(DELIVERIES);
export type Delivery = z.infer<typeof DeliverySchema>;
export const DEFAULT_DELIVERY: Delivery = 'email';

export const NotificationLangSchema = z.enum(['fr', 'en']);

/** One notification of the caller. `link` is the app's address of the screen it concerns. */
const NotificationSchema = z.object({
  id: z.int(),
  kind: NotificationKindSchema,
  pole: z.object({ slug: z.string(), name: z.string() }),
  period: z.string(),
  /** The CRESS's reason (sent back, reopened); null otherwise. */
  reason: z.nullable(z.string()),
  /** Who caused it (name); null for a reminder. */
  actor: z.nullable(z.string()),
  /** The quarter's deadline `YYYY-MM-DD` (due soon, overdue); null otherwise. */
  deadline: z.nullable(z.string()),
  /** Whole days past the deadline when the reminder was written (overdue); null otherwise. */
  daysLate: z.nullable(z.int()),
  /** Values the import changed (import applied); null otherwise. */
  changes: z.nullable(z.int()),
  link: z.string(),
  createdAt: z.string(),
  readAt: z.nullable(z.string()),
});
export type Notification = z.infer<typeof NotificationSchema>;

/** Most notifications one page lists, and the default. */
export const NOTIFICATIONS_PAGE = 50;

export const NotificationsResponseSchema = z.object({
  notifications: z.array(NotificationSchema),
  /** The caller's unread notifications, whatever the filters. */
  unread: z.int(),
  /** The `before` of the next page, or null on the last one. */
  nextBefore: z.nullable(z.int()),
});
export type NotificationsResponse = z.infer<typeof NotificationsResponseSchema>;

/** `GET /api/notifications/unread-count`: what the header shows. */
export const UnreadCountSchema = z.object({ unread: z.int() });
export type UnreadCount = z.infer<typeof UnreadCountSchema>;

export const MarkReadResponseSchema = z.object({
  /** Notifications that were unread and are now read. */
  marked: z.int(),
  unread: z.int(),
});
export type MarkReadResponse = z.infer<typeof MarkReadResponseSchema>;

/** `GET /api/notifications/preferences`. */
export const PreferencesSchema = z.object({
  /** Whether this server sends e-mail (PTCE_SMTP_URL set); without it, everything stays in the app. */
  mailEnabled: z.boolean(),
  /** The caller's e-mail address. */
  email: z.string(),
  /** The language of the caller's e-mails. */
  lang: NotificationLangSchema,
  /** The delivery of each kind. */
  kinds: z.record(NotificationKindSchema, DeliverySchema),
  /** The kinds the caller's roles can receive, in NOTIFICATION_KINDS order. */
  relevant: z.array(NotificationKindSchema),
});
export type Preferences = z.infer<typeof PreferencesSchema>;

/**
 * The state of an e-mail of the outbox: `waiting` (not sent yet, maybe retried after a failure:
 * `lastError`), `sent`, `failed` (given up, with the reason) or `skipped` (its recipient may no
 * longer read it: disabled, or no longer a member of the pole or region).
 */
export const MAIL_STATES = ['waiting', 'sent', 'failed', 'skipped'] as const;
const MailStateSchema = z.enum(MAIL_STATES);
export type MailState = z.infer<typeof MailStateSchema>;

const OutboxMailSchema = z.object({
  id: z.int(),
  to: z.string(),
  /** `notification`: one notification at once; `digest`: the day's digest. */
  type: z.enum(['notification', 'digest']),
  kind: z.nullable(NotificationKindSchema),
  pole: z.nullable(z.string()),
  period: z.nullable(z.string()),
  state: MailStateSchema,
  attempts: z.int(),
  lastError: z.nullable(z.string()),
  createdAt: z.string(),
  nextAttemptAt: z.nullable(z.string()),
  sentAt: z.nullable(z.string()),
});
export type OutboxMail = z.infer<typeof OutboxMailSchema>;

export const OutboxResponseSchema = z.object({
  mailEnabled: z.boolean(),
  counts: z.record(MailStateSchema, z.int()),
  /** Events written by changes and reminders that the job has not handed out yet. */
  pendingEvents: z.int(),
  mails: z.array(OutboxMailSchema),
  nextBefore: z.nullable(z.int()),
});
export type OutboxResponse = z.infer<typeof OutboxResponseSchema>;
