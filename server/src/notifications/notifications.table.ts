import type { Delivery, MailState, NotificationKind } from '@ptce/shared/notifications.schema';
import type { Generated } from 'kysely';

/**
 * An event to tell people about, written in the transaction of the change that causes it (or by
 * the reminder job), handed out once (`handed_out_at`) by whoever holds its lease.
 */
interface NotificationEventTable {
  id: Generated<number>;
  kind: NotificationKind;
  pole_id: number;
  period: string;
  reason: string | null;
  actor_id: number | null;
  /** JSON of EventData. */
  data: string;
  /** Reminders only: one event per pole, quarter, deadline and step, whichever server writes it. */
  dedupe_key: string | null;
  created_at: string;
  handed_out_at: string | null;
  lease_owner: string | null;
  lease_until: string | null;
}

/** One user's notification of an event; `delivery` is the user's choice when it was handed out. */
interface NotificationTable {
  id: Generated<number>;
  event_id: number;
  user_id: number;
  link: string;
  delivery: Delivery;
  created_at: string;
  read_at: string | null;
}

/** An e-mail to send: one notification (`notification_id`) or a digest (mail_digest_items). */
interface MailOutboxTable {
  id: Generated<number>;
  user_id: number;
  type: 'notification' | 'digest';
  notification_id: number | null;
  /** `n:{notification}` or `d:{user}:{slot}`: written once whichever server writes it. */
  dedupe_key: string;
  state: MailState;
  attempts: number;
  last_error: string | null;
  created_at: string;
  next_attempt_at: string;
  sent_at: string | null;
  to_address: string | null;
  lease_owner: string | null;
  lease_until: string | null;
}

/** The notifications of a digest e-mail; a notification is in one digest at most. */
interface MailDigestItemTable {
  notification_id: number;
  mail_id: number;
}

/** A user's delivery of a kind; a kind without a row is DEFAULT_DELIVERY. */
interface NotificationPreferenceTable {
  user_id: number;
  kind: NotificationKind;
  delivery: Delivery;
}

/** The language of a user's e-mails (French without a row). */
interface NotificationSettingTable {
  user_id: number;
  lang: 'fr' | 'en';
}

/** What an event carries besides its columns. */
export interface EventData {
  deadline?: string;
  daysLate?: number;
  step?: number;
  changes?: number;
}

export interface NotificationTables {
  notification_events: NotificationEventTable;
  notifications: NotificationTable;
  mail_outbox: MailOutboxTable;
  mail_digest_items: MailDigestItemTable;
  notification_preferences: NotificationPreferenceTable;
  notification_settings: NotificationSettingTable;
}
