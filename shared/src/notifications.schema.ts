import { z } from 'zod';
import { SlugSchema } from './session.schema';

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

const LangSchema = z.enum(['fr', 'en']);

/** One notification of the caller. `link` is the app's address of the screen it concerns. */
const NotificationSchema = z.object({
  id: z.number().int(),
  kind: NotificationKindSchema,
  pole: z.object({ slug: z.string(), name: z.string() }),
  period: z.string(),
  /** The CRESS's reason (sent back, reopened); null otherwise. */
  reason: z.string().nullable(),
  /** Who caused it (name); null for a reminder. */
  actor: z.string().nullable(),
  /** The quarter's deadline `YYYY-MM-DD` (due soon, overdue); null otherwise. */
  deadline: z.string().nullable(),
  /** Whole days past the deadline when the reminder was written (overdue); null otherwise. */
  daysLate: z.number().int().nullable(),
  /** Values the import changed (import applied); null otherwise. */
  changes: z.number().int().nullable(),
  link: z.string(),
  createdAt: z.string(),
  readAt: z.string().nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;

/** Most notifications one page lists, and the default. */
export const NOTIFICATIONS_PAGE = 50;
const BoolText = z.enum(['true', 'false']);

/**
 * `GET /api/notifications?unread=&kind=&pole=&limit=&before=`: the caller's notifications,
 * newest first; `unread=true` the unread ones only; pages before the id `before`.
 */
export const NotificationsQuerySchema = z.strictObject({
  unread: BoolText.optional(),
  kind: NotificationKindSchema.optional(),
  pole: SlugSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});
export type NotificationsQuery = z.infer<typeof NotificationsQuerySchema>;

export const NotificationsResponseSchema = z.object({
  notifications: z.array(NotificationSchema),
  /** The caller's unread notifications, whatever the filters. */
  unread: z.number().int(),
  /** The `before` of the next page, or null on the last one. */
  nextBefore: z.number().int().nullable(),
});
export type NotificationsResponse = z.infer<typeof NotificationsResponseSchema>;

/** `GET /api/notifications/unread-count`: what the header shows. */
export const UnreadCountSchema = z.object({ unread: z.number().int() });
export type UnreadCount = z.infer<typeof UnreadCountSchema>;

/** `POST /api/notifications/read`: these of the caller's notifications read; no `ids`: all. */
export const MarkReadRequestSchema = z.strictObject({
  ids: z.array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)).min(1).max(500).optional(),
});
export type MarkReadRequest = z.infer<typeof MarkReadRequestSchema>;

export const MarkReadResponseSchema = z.object({
  /** Notifications that were unread and are now read. */
  marked: z.number().int(),
  unread: z.number().int(),
});
export type MarkReadResponse = z.infer<typeof MarkReadResponseSchema>;

/** `GET /api/notifications/preferences`. */
export const PreferencesSchema = z.object({
  /** Whether this server sends e-mail (PTCE_SMTP_URL set); without it, everything stays in the app. */
  mailEnabled: z.boolean(),
  /** The caller's e-mail address. */
  email: z.string(),
  /** The language of the caller's e-mails. */
  lang: LangSchema,
  /** The delivery of each kind. */
  kinds: z.record(NotificationKindSchema, DeliverySchema),
  /** The kinds the caller's roles can receive, in NOTIFICATION_KINDS order. */
  relevant: z.array(NotificationKindSchema),
});
export type Preferences = z.infer<typeof PreferencesSchema>;

/** `PUT /api/notifications/preferences`: the language and the kinds given; others kept. */
export const PreferencesUpdateSchema = z.strictObject({
  lang: LangSchema.optional(),
  kinds: z.partialRecord(NotificationKindSchema, DeliverySchema).optional(),
});
export type PreferencesUpdate = z.infer<typeof PreferencesUpdateSchema>;

/**
 * The state of an e-mail of the outbox: `waiting` (not sent yet, maybe retried after a failure:
 * `lastError`), `sent`, `failed` (given up, with the reason) or `skipped` (its recipient may no
 * longer read it: disabled, or no longer a member of the pole or region).
 */
export const MAIL_STATES = ['waiting', 'sent', 'failed', 'skipped'] as const;
const MailStateSchema = z.enum(MAIL_STATES);
export type MailState = z.infer<typeof MailStateSchema>;

const OutboxMailSchema = z.object({
  id: z.number().int(),
  to: z.string(),
  /** `notification`: one notification at once; `digest`: the day's digest. */
  type: z.enum(['notification', 'digest']),
  kind: NotificationKindSchema.nullable(),
  pole: z.string().nullable(),
  period: z.string().nullable(),
  state: MailStateSchema,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  nextAttemptAt: z.string().nullable(),
  sentAt: z.string().nullable(),
});
export type OutboxMail = z.infer<typeof OutboxMailSchema>;

/** `GET /api/notifications/outbox?state=&limit=&before=` (admin). */
export const OutboxQuerySchema = z.strictObject({
  state: MailStateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});
export type OutboxQuery = z.infer<typeof OutboxQuerySchema>;

export const OutboxResponseSchema = z.object({
  mailEnabled: z.boolean(),
  counts: z.record(MailStateSchema, z.number().int()),
  /** Events written by changes and reminders that the job has not handed out yet. */
  pendingEvents: z.number().int(),
  mails: z.array(OutboxMailSchema),
  nextBefore: z.number().int().nullable(),
});
export type OutboxResponse = z.infer<typeof OutboxResponseSchema>;
