import type { Cell } from '@ptce/shared/domain.types';
import type { HistoryEntry, HistoryQuery, StoredValue } from '@ptce/shared/values.schema';
import type { Db, NewValueHistory, ValueRow } from '../db/database';
import { markQuartersStale } from './quarter-totals.repository';

export interface ValueFilter {
  from?: string | undefined;
  to?: string | undefined;
  groupId?: number | undefined;
  slice?: string | undefined;
  /** With `slice`: also these (indicator, slice) cells, the terms ratios are computed from. */
  terms?: ReadonlyArray<{ indicator: string; slice: string }> | undefined;
}

/** The query of findValues, unexecuted (its plan is tested). */
export function valuesQuery(db: Db, poleId: number, f: ValueFilter) {
  const base = baseQuery(db, poleId, f, 'pole');
  const main = f.slice === undefined ? base : base.where('v.slice', '=', f.slice);
  const terms = f.slice === undefined ? [] : (f.terms ?? []).filter((t) => t.slice !== f.slice);
  // `slice = ''` reads the partial covering index values_totals; each term slice is one more
  // select driven by the pole's scopes through the cell index (group, indicator, period, slice),
  // so it reads only its own rows (both plans tested); merged in the same order.
  let all = main;
  for (const t of terms)
    all = all.unionAll(
      baseQuery(db, poleId, f, 'scopes')
        .where('v.indicator_code', '=', t.indicator)
        .where('v.slice', '=', t.slice),
    );
  return all
    .orderBy('isPole')
    .orderBy('position')
    .orderBy('indicator')
    .orderBy('period')
    .orderBy('slice');
}

/**
 * The values of a pole in range: found by `pole` (the pole indexes) or by its `scopes` (the
 * cell index, whose first column is the scope: what a search for one indicator and slice needs).
 */
function baseQuery(db: Db, poleId: number, f: ValueFilter, by: 'pole' | 'scopes') {
  let q = db
    .selectFrom('values as v')
    .innerJoin('working_groups as g', 'g.id', 'v.group_id')
    .leftJoin('users as u', 'u.id', 'v.updated_by')
    .select([
      'g.slug as scope',
      'v.indicator_code as indicator',
      'v.period',
      'v.slice',
      'v.value',
      'v.comment',
      'v.override_reason',
      'v.version',
      'v.updated_at',
      'u.name as updatedBy',
      'g.is_pole as isPole',
      'g.position as position',
    ])
    .where((eb) =>
      by === 'pole'
        ? eb('v.pole_id', '=', poleId)
        : eb(
            'v.group_id',
            'in',
            eb.selectFrom('working_groups').select('id').where('pole_id', '=', poleId),
          ),
    )
    .where('v.value', 'is not', null);
  if (f.from) q = q.where('v.period', '>=', f.from);
  if (f.to) q = q.where('v.period', '<=', f.to);
  if (f.groupId !== undefined) q = q.where('v.group_id', '=', f.groupId);
  return q;
}

/** Entered (non-cleared) values of a pole, ordered by scope, indicator, period, slice. */
export async function findValues(db: Db, poleId: number, f: ValueFilter): Promise<StoredValue[]> {
  const rows = await valuesQuery(db, poleId, f).execute();
  return rows.map((r) => ({
    scope: r.scope,
    indicator: r.indicator,
    period: r.period,
    slice: r.slice,
    value: r.value!,
    comment: r.comment,
    overrideReason: r.override_reason,
    version: r.version,
    updatedAt: r.updated_at,
    updatedBy: r.updatedBy ?? null,
  }));
}

/** Every row (tombstones included) of a pole for the given quarters. */
export async function findRows(db: Db, poleId: number, periods: string[]): Promise<ValueRow[]> {
  if (periods.length === 0) return [];
  return db
    .selectFrom('values')
    .selectAll()
    .where('pole_id', '=', poleId)
    .where('period', 'in', periods)
    .execute();
}

/** What the consistency rules read of a stored cell. */
export type CellRow = Pick<ValueRow, 'group_id' | 'indicator_code' | 'period' | 'slice' | 'value'>;

/**
 * The cells (tombstones included) of a pole for the given quarters, with only what the rules
 * read: about half the cost of whole rows (measured on a grid save, 963 rows: 1.8 → 1.0 ms).
 */
export async function findCellRows(db: Db, poleId: number, periods: string[]): Promise<CellRow[]> {
  if (periods.length === 0) return [];
  return db
    .selectFrom('values')
    .select(['group_id', 'indicator_code', 'period', 'slice', 'value'])
    .where('pole_id', '=', poleId)
    .where('period', 'in', periods)
    .execute();
}

interface TotalSeries {
  groupIds: number[];
  indicators: string[];
}

/** The query of findTotalRows, unexecuted (its plan is tested). */
export function totalRowsQuery(db: Db, poleId: number, periods: string[], series: TotalSeries) {
  return db
    .selectFrom('values')
    .select(['group_id', 'indicator_code', 'period', 'slice', 'value'])
    .where('pole_id', '=', poleId)
    .where('slice', '=', '')
    .where('period', 'in', periods)
    .where('group_id', 'in', series.groupIds)
    .where('indicator_code', 'in', series.indicators);
}

/**
 * The totals (tombstones included) of a pole's `series` in the given quarters, with what the
 * rules read: the history the outlier rules judge totals against. One query, searched on the
 * totals' covering index (values_totals).
 */
export async function findTotalRows(
  db: Db,
  poleId: number,
  periods: string[],
  series: TotalSeries,
): Promise<CellRow[]> {
  if (periods.length === 0 || series.groupIds.length === 0 || series.indicators.length === 0)
    return [];
  return totalRowsQuery(db, poleId, periods, series).execute();
}

/** Rows as domain cells (cleared ones left out), with scope slugs from `slugOf`. */
export function toCells(rows: Iterable<CellRow>, slugOf: Map<number, string>): Cell[] {
  const cells: Cell[] = [];
  for (const r of rows) {
    const scope = slugOf.get(r.group_id);
    if (r.value !== null && scope) {
      cells.push({
        scope,
        indicator: r.indicator_code,
        period: r.period,
        slice: r.slice,
        value: r.value,
      });
    }
  }
  return cells;
}

/**
 * Writes cells, new or existing, in as few statements as SQLite allows (one per 500 cells): an
 * upsert on the cell's identity (values_cell), and marks their quarters' dashboard entries to be
 * rebuilt (quarter_totals). Callers have read and version-checked the existing rows in the same
 * transaction. `refreshed`: the caller writes the quarters' entries itself in this transaction
 * (refreshQuarter, which moves their stamps too), so they are not marked first.
 */
export async function upsertValues(
  db: Db,
  rows: Array<Omit<ValueRow, 'id'>>,
  opts: { refreshed?: boolean } = {},
): Promise<void> {
  // 10 columns × 500 rows stays well under SQLite's cap on bound parameters.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('values')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) =>
        oc.columns(['group_id', 'indicator_code', 'period', 'slice']).doUpdateSet((eb) => ({
          value: eb.ref('excluded.value'),
          comment: eb.ref('excluded.comment'),
          override_reason: eb.ref('excluded.override_reason'),
          version: eb.ref('excluded.version'),
          updated_at: eb.ref('excluded.updated_at'),
          updated_by: eb.ref('excluded.updated_by'),
        })),
      )
      .execute();
  }
  if (!opts.refreshed) await markQuartersStale(db, rows);
}

export async function appendHistory(db: Db, rows: NewValueHistory[]): Promise<void> {
  // SQLite caps bound parameters; 14 columns × 500 rows stays well under it.
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('value_history')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}

/** The history of a pole's values, newest first. */
export async function findHistory(
  db: Db,
  poleId: number,
  q: HistoryQuery & { groupId?: number | undefined },
): Promise<HistoryEntry[]> {
  let sel = db
    .selectFrom('value_history as h')
    .innerJoin('working_groups as g', 'g.id', 'h.group_id')
    .leftJoin('users as u', 'u.id', 'h.changed_by')
    .select([
      'h.id',
      'g.slug as scope',
      'h.indicator_code as indicator',
      'h.period',
      'h.slice',
      'h.old_value as oldValue',
      'h.new_value as newValue',
      'h.old_comment as oldComment',
      'h.new_comment as newComment',
      'h.version',
      'h.changed_at as changedAt',
      'u.name as changedBy',
      'h.reason',
    ])
    .where('h.pole_id', '=', poleId);
  if (q.indicator) sel = sel.where('h.indicator_code', '=', q.indicator);
  if (q.period) sel = sel.where('h.period', '=', q.period);
  if (q.slice !== undefined) sel = sel.where('h.slice', '=', q.slice);
  if (q.groupId !== undefined) sel = sel.where('h.group_id', '=', q.groupId);
  if (q.before !== undefined) sel = sel.where('h.id', '<', q.before);
  const rows = await sel
    .orderBy('h.id', 'desc')
    .limit(q.limit ?? 1000)
    .execute();
  return rows.map((r) => ({ ...r, changedBy: r.changedBy ?? null }));
}
