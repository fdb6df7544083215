import { type Kysely, sql } from 'kysely';

// Frozen migration: never edit once shipped, never import application code.
// Notifications (docs/decisions.md, "Notifications"): the events a change writes in its own
// transaction (or the reminder job), handed out by a job to the users concerned at that time
// (one notification each, in the app), and the e-mails to send: one per notification sent at
// once, one per digest with its notifications in mail_digest_items. Events and e-mails are
// claimed by a lease (lease_owner, lease_until) taken by a conditional UPDATE, so that two
// servers on one database never handle one twice. Preferences per user and kind; the language
// of a user's e-mails.

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('notification_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('pole_id', 'integer', (c) => c.notNull().references('poles.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('actor_id', 'integer', (c) => c.references('users.id'))
    .addColumn('data', 'text', (c) => c.notNull())
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('handed_out_at', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .execute();
  await sql`CREATE INDEX notification_events_pending ON notification_events (id) WHERE handed_out_at IS NULL`.execute(
    db,
  );

  await db.schema
    .createTable('notifications')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('event_id', 'integer', (c) => c.notNull().references('notification_events.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('link', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addUniqueConstraint('notifications_event_user', ['event_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('notifications_user')
    .on('notifications')
    .columns(['user_id', 'id'])
    .execute();

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('notification_id', 'integer', (c) => c.references('notifications.id'))
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('state', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addColumn('to_address', 'text')
    .addColumn('lease_owner', 'text')
    .addColumn('lease_until', 'text')
    .execute();
  await db.schema
    .createIndex('mail_outbox_due')
    .on('mail_outbox')
    .columns(['state', 'next_attempt_at'])
    .execute();

  await db.schema
    .createTable('mail_digest_items')
    .addColumn('notification_id', 'integer', (c) => c.primaryKey().references('notifications.id'))
    .addColumn('mail_id', 'integer', (c) => c.notNull().references('mail_outbox.id'))
    .execute();
  await db.schema
    .createIndex('mail_digest_items_mail')
    .on('mail_digest_items')
    .column('mail_id')
    .execute();

  await db.schema
    .createTable('notification_preferences')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('delivery', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('notification_preferences_pk', ['user_id', 'kind'])
    .execute();

  await db.schema
    .createTable('notification_settings')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id'))
    .addColumn('lang', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('notification_settings').execute();
  await db.schema.dropTable('notification_preferences').execute();
  await db.schema.dropTable('mail_digest_items').execute();
  await db.schema.dropTable('mail_outbox').execute();
  await db.schema.dropTable('notifications').execute();
  await db.schema.dropTable('notification_events').execute();
}
