import type { Kysely } from 'kysely';
import { appendOnly } from './engine';

// Frozen migration: never edit once shipped, never import application code (./engine is
// frozen with them: on SQLite it runs the statements this file ran before PostgreSQL came).

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('regions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('poles')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('slug', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('territory', 'text', (c) => c.notNull())
    .addColumn('region_code', 'text', (c) => c.notNull().references('regions.code'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('poles_region').on('poles').column('region_code').execute();

  await db.schema
    .createTable('working_groups')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('pole_id', 'integer', (c) => c.notNull().references('poles.id').onDelete('cascade'))
    .addColumn('slug', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_pole', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('working_groups_pole_slug', ['pole_id', 'slug'])
    .execute();

  await db.schema
    .createTable('indicators')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('theme', 'text', (c) => c.notNull())
    .addColumn('label_fr', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('definition_fr', 'text', (c) => c.notNull())
    .addColumn('definition_en', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('decimals', 'integer', (c) => c.notNull())
    .addColumn('breakdowns', 'text', (c) => c.notNull())
    .addColumn('numerator', 'text')
    .addColumn('denominator', 'text')
    .addColumn('scale', 'real', (c) => c.notNull())
    .addColumn('min', 'real')
    .addColumn('max', 'real')
    .addColumn('grounding', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('retired', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema
    .createTable('dimensions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('label_fr', 'text', (c) => c.notNull())
    .addColumn('label_en', 'text', (c) => c.notNull())
    .addColumn('pole_groups', 'integer', (c) => c.notNull())
    .addColumn('members', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('tracked_indicators')
    .addColumn('group_id', 'integer', (c) =>
      c.notNull().references('working_groups.id').onDelete('cascade'),
    )
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicators.code'))
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('tracked_indicators_pk', ['group_id', 'indicator_code'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('disabled_at', 'text')
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('pole_id', 'integer', (c) => c.references('poles.id').onDelete('cascade'))
    .addColumn('region_code', 'text', (c) => c.references('regions.code'))
    .execute();
  await db.schema.createIndex('memberships_user').on('memberships').column('user_id').execute();

  await db.schema
    .createTable('values')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('pole_id', 'integer', (c) => c.notNull().references('poles.id'))
    .addColumn('group_id', 'integer', (c) => c.notNull().references('working_groups.id'))
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicators.code'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('slice', 'text', (c) => c.notNull())
    .addColumn('value', 'real')
    .addColumn('comment', 'text')
    .addColumn('override_reason', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addUniqueConstraint('values_cell', ['group_id', 'indicator_code', 'period', 'slice'])
    .execute();
  await db.schema
    .createIndex('values_pole_period')
    .on('values')
    .columns(['pole_id', 'period'])
    .execute();

  await db.schema
    .createTable('value_history')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('pole_id', 'integer', (c) => c.notNull().references('poles.id'))
    .addColumn('group_id', 'integer', (c) => c.notNull().references('working_groups.id'))
    .addColumn('indicator_code', 'text', (c) => c.notNull())
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('slice', 'text', (c) => c.notNull())
    .addColumn('old_value', 'real')
    .addColumn('new_value', 'real')
    .addColumn('old_comment', 'text')
    .addColumn('new_comment', 'text')
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .addColumn('changed_by', 'integer', (c) => c.references('users.id'))
    .addColumn('reason', 'text')
    .execute();
  await db.schema
    .createIndex('value_history_cell')
    .on('value_history')
    .columns(['pole_id', 'indicator_code', 'period'])
    .execute();
  await appendOnly(db, 'value_history');

  await db.schema
    .createTable('targets')
    .addColumn('group_id', 'integer', (c) =>
      c.notNull().references('working_groups.id').onDelete('cascade'),
    )
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('indicators.code'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('value', 'real', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('targets_pk', ['group_id', 'indicator_code', 'year'])
    .execute();

  await db.schema
    .createTable('quarter_status')
    .addColumn('pole_id', 'integer', (c) => c.notNull().references('poles.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('quarter_status_pk', ['pole_id', 'period'])
    .execute();

  await db.schema
    .createTable('period_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('pole_id', 'integer', (c) => c.notNull().references('poles.id'))
    .addColumn('period', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('from_status', 'text', (c) => c.notNull())
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('by', 'integer', (c) => c.references('users.id'))
    .execute();
  await appendOnly(db, 'period_events');

  await db.schema
    .createTable('sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .addColumn('expires_at', 'text')
    .addColumn('revoked_at', 'text')
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of [
    'settings',
    'api_tokens',
    'sessions',
    'period_events',
    'quarter_status',
    'targets',
    'value_history',
    'values',
    'memberships',
    'users',
    'tracked_indicators',
    'dimensions',
    'indicators',
    'working_groups',
    'poles',
    'regions',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
