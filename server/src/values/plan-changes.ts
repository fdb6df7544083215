import type { StaleVersionIssue } from '@ptce/shared/error-issues.schema';
import type { Lang } from '@ptce/shared/format';
import type { ValueEntry } from '@ptce/shared/values.schema';
import type { ValueRow } from '../db/database';
import { t } from '../i18n/t';

/** The key of a cell of the saved quarter: `scope|indicator|slice`. */
export const cellId = (scope: string, indicator: string, slice: string) =>
  `${scope}|${indicator}|${slice}`;

/** A cell the batch writes: the entry it comes from, its row now (if any) and its next row. */
export interface PlannedChange {
  entryIndex: number;
  row: ValueRow | undefined;
  next: Omit<ValueRow, 'id'>;
}

/** A stale version before its author is named: `current.updatedBy` is still the user id. */
export interface UnnamedConflict {
  path: Array<string | number>;
  code: 'stale_version';
  message: string;
  scope: string;
  indicator: string;
  slice: string;
  yourVersion: number;
  current: {
    value: number | null;
    comment: string | null;
    version: number;
    updatedAt: string;
    updatedBy: number | null;
  } | null;
}

export interface ChangePlan {
  /** Stale versions, their authors not named yet. */
  conflicts: UnnamedConflict[];
  changes: PlannedChange[];
  /** Entries that change nothing (same value, comment and reason; or clearing nothing). */
  unchanged: number;
}

export interface PlanContext {
  poleId: number;
  period: string;
  /** Scope slug → group id (scopes already checked). */
  groupOf: ReadonlyMap<string, number>;
  userId: number;
  now: Date;
  lang: Lang;
}

/**
 * Plans a checked batch against the quarter's current rows (`cellId` → row, tombstones
 * included), writing nothing. An entry's version must be the row's (0 or none for a missing or
 * cleared cell), else it is a conflict. A comment left out keeps the stored one, `''` drops it,
 * and clearing a value drops its comment and reason. A stored reason stays while the value does
 * not change; a new value without a reason has none. Pure.
 */
export function planChanges(
  entries: readonly ValueEntry[],
  current: ReadonlyMap<string, ValueRow>,
  ctx: PlanContext,
): ChangePlan {
  const conflicts: UnnamedConflict[] = [];
  const changes: PlannedChange[] = [];
  for (const [i, e] of entries.entries()) {
    const slice = e.slice ?? '';
    const row = current.get(cellId(e.scope, e.indicator, slice));
    const expected = e.version ?? 0;
    if (expected !== (row?.version ?? 0) && !(row && row.value === null && expected === 0)) {
      conflicts.push(conflictIssue(i, { ...e, slice }, expected, row, ctx.lang));
      continue;
    }
    const { value } = e;
    const comment =
      value === null ? null : e.comment === undefined ? (row?.comment ?? null) : e.comment || null;
    const override =
      value === null
        ? null
        : (e.overrideReason ?? (row && row.value === value ? row.override_reason : null));
    if (row && row.value === value && row.comment === comment && row.override_reason === override)
      continue;
    if (!row && value === null) continue;
    changes.push({
      entryIndex: i,
      row,
      next: {
        pole_id: ctx.poleId,
        group_id: ctx.groupOf.get(e.scope)!,
        indicator_code: e.indicator,
        period: ctx.period,
        slice,
        value,
        comment,
        override_reason: override,
        version: (row?.version ?? 0) + 1,
        updated_at: ctx.now.toISOString(),
        updated_by: ctx.userId,
      },
    });
  }
  return { conflicts, changes, unchanged: entries.length - changes.length - conflicts.length };
}

function conflictIssue(
  i: number,
  cell: { scope: string; indicator: string; slice: string },
  yours: number,
  row: ValueRow | undefined,
  lang: Lang,
): UnnamedConflict {
  return {
    path: ['entries', i, 'version'],
    code: 'stale_version',
    message: t(lang, 'entries.stale', { indicator: cell.indicator }),
    scope: cell.scope,
    indicator: cell.indicator,
    slice: cell.slice,
    yourVersion: yours,
    current: row
      ? {
          value: row.value,
          comment: row.comment,
          version: row.version,
          updatedAt: row.updated_at,
          updatedBy: row.updated_by,
        }
      : null,
  };
}

/** The conflicts as the 409 lists them: `current.updatedBy` turned into that user's name. */
export function withUserNames(
  conflicts: readonly UnnamedConflict[],
  names: ReadonlyMap<number, string>,
): StaleVersionIssue[] {
  return conflicts.map(({ current, ...issue }) => ({
    ...issue,
    current: current && {
      ...current,
      updatedBy: current.updatedBy === null ? null : (names.get(current.updatedBy) ?? null),
    },
  })) satisfies StaleVersionIssue[];
}

/** The user ids named by conflicts. */
export function conflictUserIds(conflicts: readonly UnnamedConflict[]): number[] {
  return conflicts
    .map((i) => i.current?.updatedBy)
    .filter((id): id is number => typeof id === 'number');
}
