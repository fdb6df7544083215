import type { Migration } from 'kysely';
import * as createSchema from './2026_11_29_0900_create_schema';
import * as targetHistory from './2026_11_29_1000_add_target_history_and_token_scope';
import * as indexTotals from './2026_11_29_1100_index_totals';
import * as narratives from './2026_12_02_1000_create_narratives';
import * as notifications from './2026_12_03_0900_create_notifications';
import * as periodEventRole from './2026_12_10_0900_add_period_event_role';
import * as sharedState from './2026_12_20_0900_add_shared_state';
import * as quarterTotals from './2026_12_21_0900_create_quarter_totals';
import * as quarterCells from './2026_12_22_0900_recreate_quarter_totals';

/** Every migration, by name; names sort in the order they apply. Add new ones at the end. */
export const MIGRATIONS: Record<string, Migration> = {
  '2026_11_29_0900_create_schema': createSchema,
  '2026_11_29_1000_add_target_history_and_token_scope': targetHistory,
  '2026_11_29_1100_index_totals': indexTotals,
  '2026_12_02_1000_create_narratives': narratives,
  '2026_12_03_0900_create_notifications': notifications,
  '2026_12_10_0900_add_period_event_role': periodEventRole,
  '2026_12_20_0900_add_shared_state': sharedState,
  '2026_12_21_0900_create_quarter_totals': quarterTotals,
  '2026_12_22_0900_recreate_quarter_totals': quarterCells,
};
