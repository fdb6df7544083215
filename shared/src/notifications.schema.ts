import { z } from 'zod';
import {
  DELIVERIES,
  MAIL_STATES,
  NOTIFICATION_KINDS,
  NotificationLangSchema,
} from './notifications.wire';
import { SlugSchema } from './session.wire';

export * from './notifications.wire';

// The requests, in classic zod (the server validates them); the answers are in
// ./notifications.wire.ts (zod/mini, what the web reads).

const NotificationKindSchema = z.enum(NOTIFICATION_KINDS);
const DeliverySchema = z.enum(DELIVERIES);
const MailStateSchema = z.enum(MAIL_STATES);
const LangSchema = z.enum(NotificationLangSchema.options);
const BoolText = z.enum(['true', 'false']);

/**
 * `GET /api/notifications?unread=&kind=&pole=&limit=&before=`: the caller's notifications,
 * newest first; `unread=true` the unread ones only; pages before the id `before`.
 */
export const NotificationsQuerySchema = z.strictObject({
  unread: BoolText.optional(),
  kind: NotificationKindSchema.optional(),
  pole: z.optional(SlugSchema),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});
export type NotificationsQuery = z.infer<typeof NotificationsQuerySchema>;

/** `POST /api/notifications/read`: these of the caller's notifications read; no `ids`: all. */
export const MarkReadRequestSchema = z.strictObject({
  ids: z.array(z.number().int().positive().max(Number.MAX_SAFE_INTEGER)).min(1).max(500).optional(),
});
export type MarkReadRequest = z.infer<typeof MarkReadRequestSchema>;

/** `PUT /api/notifications/preferences`: the language and the kinds given; others kept. */
export const PreferencesUpdateSchema = z.strictObject({
  lang: LangSchema.optional(),
  kinds: z.partialRecord(NotificationKindSchema, DeliverySchema).optional(),
});
export type PreferencesUpdate = z.infer<typeof PreferencesUpdateSchema>;

/** `GET /api/notifications/outbox?state=&limit=&before=` (admin). */
export const OutboxQuerySchema = z.strictObject({
  state: MailStateSchema.optional(),
  limit: z.coerce.number().int().min(1).max(200).optional(),
  before: z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER).optional(),
});
export type OutboxQuery = z.infer<typeof OutboxQuerySchema>;
