import type { Indicator, Kind, Unit } from '@ptce/shared/catalogue.schema';
import type { PeriodAction, PeriodStatus } from '@ptce/shared/periods.schema';
import type { Role } from '@ptce/shared/session.schema';
import type { Generated, Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type {
  NarrativeHistoryTable,
  NarrativeTable,
  NarrativeTextTable,
} from '../narrative/narrative.table';
import type { NotificationTables } from '../notifications/notifications.table';
import type { QuarterTotalTable } from '../values/quarter-totals.table';

/**
 * Timestamps are ISO-8601 UTC strings; booleans are 0/1 integers (SQLite has neither type).
 * Columns holding a closed set (status, role, kind, unit…) are typed with the shared unions:
 * the app writes them only from validated requests and the parsed catalogue.
 */
interface RegionTable {
  code: string;
  name: string;
}

interface PoleTable {
  id: Generated<number>;
  slug: string;
  name: string;
  territory: string;
  region_code: string;
  created_at: string;
}

/** A reporting scope of a pole: a working group, or the pole itself (`is_pole` = 1, slug `pole`). */
interface WorkingGroupTable {
  id: Generated<number>;
  pole_id: number;
  slug: string;
  name: string;
  is_pole: number;
  position: number;
}

export interface IndicatorTable {
  code: string;
  theme: string;
  label_fr: string;
  label_en: string;
  definition_fr: string;
  definition_en: string;
  unit: Unit;
  kind: Kind;
  decimals: number;
  /** JSON arrays. */
  breakdowns: string;
  numerator: string | null;
  denominator: string | null;
  scale: number;
  min: number | null;
  max: number | null;
  grounding: Indicator['grounding'];
  position: number;
  /** 1 when the indicator left the catalogue but values still use it. */
  retired: number;
}

interface DimensionTable {
  code: string;
  label_fr: string;
  label_en: string;
  pole_groups: number;
  /** JSON array of { code, labelFr, labelEn }. */
  members: string;
  position: number;
}

interface TrackedIndicatorTable {
  group_id: number;
  indicator_code: string;
  position: number;
}

interface ValueTable {
  id: Generated<number>;
  pole_id: number;
  group_id: number;
  indicator_code: string;
  period: string;
  slice: string;
  /** null = cleared (a tombstone keeps the version counting up). */
  value: number | null;
  comment: string | null;
  override_reason: string | null;
  version: number;
  updated_at: string;
  updated_by: number | null;
}

/** Append-only: triggers refuse UPDATE and DELETE. */
interface ValueHistoryTable {
  id: Generated<number>;
  pole_id: number;
  group_id: number;
  indicator_code: string;
  period: string;
  slice: string;
  old_value: number | null;
  new_value: number | null;
  old_comment: string | null;
  new_comment: string | null;
  version: number;
  changed_at: string;
  changed_by: number | null;
  reason: string | null;
}

interface TargetTable {
  group_id: number;
  indicator_code: string;
  year: number;
  value: number;
  updated_at: string;
  updated_by: number | null;
}

export interface QuarterStatusTable {
  pole_id: number;
  period: string;
  status: PeriodStatus;
  reason: string | null;
  updated_at: string;
  updated_by: number | null;
}

/** Append-only workflow log. */
export interface PeriodEventTable {
  id: Generated<number>;
  pole_id: number;
  period: string;
  action: PeriodAction;
  from_status: PeriodStatus;
  to_status: PeriodStatus;
  reason: string | null;
  at: string;
  by: number | null;
  /** The role the actor took the action in (null before it was recorded). */
  by_role: Role | null;
}

interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  password_hash: string;
  created_at: string;
  disabled_at: string | null;
}

interface MembershipTable {
  id: Generated<number>;
  user_id: number;
  role: Role;
  pole_id: number | null;
  region_code: string | null;
}

interface SessionTable {
  /** SHA-256 of the cookie's token: a leaked database does not leak live sessions. */
  token_hash: string;
  user_id: number;
  created_at: string;
  expires_at: string;
  revoked_at: string | null;
}

export interface ApiTokenTable {
  id: Generated<number>;
  user_id: number;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
  /** 0: read-only (GET only), 1: may also write. */
  can_write: Generated<number>;
}

/** Append-only: triggers refuse UPDATE and DELETE. */
interface TargetHistoryTable {
  id: Generated<number>;
  group_id: number;
  indicator_code: string;
  year: number;
  old_value: number | null;
  new_value: number | null;
  changed_at: string;
  changed_by: number | null;
}

interface SettingTable {
  key: string;
  value: string;
}

export interface Database extends NotificationTables {
  regions: RegionTable;
  poles: PoleTable;
  working_groups: WorkingGroupTable;
  indicators: IndicatorTable;
  dimensions: DimensionTable;
  tracked_indicators: TrackedIndicatorTable;
  values: ValueTable;
  value_history: ValueHistoryTable;
  targets: TargetTable;
  target_history: TargetHistoryTable;
  quarter_status: QuarterStatusTable;
  period_events: PeriodEventTable;
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  api_tokens: ApiTokenTable;
  settings: SettingTable;
  narratives: NarrativeTable;
  narrative_texts: NarrativeTextTable;
  narrative_history: NarrativeHistoryTable;
  quarter_totals: QuarterTotalTable;
}

/**
 * What every repository takes first: the app's database or an open transaction, so the caller
 * decides whether calls share one transaction.
 */
export type Db = Kysely<Database> | Transaction<Database>;

export type PoleRow = Selectable<PoleTable>;
export type WorkingGroupRow = Selectable<WorkingGroupTable>;
export type ValueRow = Selectable<ValueTable>;
export type NewValueHistory = Insertable<ValueHistoryTable>;
