import { markQuartersStale } from '../values/quarter-totals.repository';
import type { TestInstance } from './test-instance';

/** Inserts values straight into the database (tests of reading paths), version 1, no history. */
export async function seedValues(
  t: TestInstance,
  pole: string,
  cells: Array<[scope: string, indicator: string, period: string, value: number, slice?: string]>,
): Promise<void> {
  const poleId = t.poleIds.get(pole)!;
  const groups = new Map(
    (
      await t.db
        .selectFrom('working_groups')
        .select(['id', 'slug'])
        .where('pole_id', '=', poleId)
        .execute()
    ).map((g) => [g.slug, g.id]),
  );
  const rows = cells.map(([scope, indicator, period, value, slice]) => ({
    pole_id: poleId,
    group_id: groups.get(scope)!,
    indicator_code: indicator,
    period,
    slice: slice ?? '',
    value,
    comment: null,
    override_reason: null,
    version: 1,
    updated_at: '2026-01-01T00:00:00.000Z',
    updated_by: null,
  }));
  await t.db.insertInto('values').values(rows).execute();
  // As every write does (upsertValues): the dashboard's entries of these quarters are rebuilt.
  await markQuartersStale(t.db, rows);
}
