import type { Db } from '../db/database';
import { parseCells } from './quarter-entries';
import { termsKey } from './quarter-totals.repository';
import { type CellRow, findTotalRows } from './values.repository';

/**
 * The entered totals of a pole's `series` (its scopes' ids and indicator codes) in `periods`,
 * read from each quarter's stored cells (`quarter_totals.cells`: one row a quarter instead of
 * one a value). A quarter whose cells are not stored (marked to rebuild, never built, or built
 * in another format or with other ratio terms than `terms`, the catalogue's) is read from the
 * values (findTotalRows). Every write to a quarter's values marks or rewrites its cells in the
 * same transaction (markQuartersStale, refreshQuarter), so what is read here is what the values
 * hold. What the outlier rules judge a save's changed totals against; cleared totals are left
 * out, as the rules read entered values only.
 */
export async function findStoredTotals(
  db: Db,
  poleId: number,
  periods: string[],
  series: { groupIds: number[]; indicators: string[] },
  terms: ReadonlyArray<{ indicator: string; slice: string }>,
): Promise<CellRow[]> {
  if (periods.length === 0 || series.groupIds.length === 0 || series.indicators.length === 0)
    return [];
  const stored = await db
    .selectFrom('quarter_totals')
    .select(['period', 'terms', 'cells'])
    .where('pole_id', '=', poleId)
    .where('period', 'in', periods)
    .execute();
  const key = termsKey(terms);
  const groups = new Set(series.groupIds.map(String));
  const indicators = new Set(series.indicators);
  // Key lines → the wanted totals among them: their position, scope id and indicator. A pole's
  // quarters mostly share their key lines: each distinct text is split once.
  const wanted = new Map<string, Array<{ at: number; group: number; indicator: string }>>();
  const out: CellRow[] = [];
  const read = new Set<string>();
  for (const q of stored) {
    if (q.cells === null || q.terms !== key) continue;
    read.add(q.period);
    const { keys, values } = parseCells(q.cells);
    let picks = wanted.get(keys);
    if (picks === undefined) {
      picks = [];
      const lines = keys === '' ? [] : keys.split('\n');
      for (let at = 0; at < lines.length; at++) {
        const [group = '', indicator = '', slice] = lines[at]!.split('\t');
        if (slice === '' && groups.has(group) && indicators.has(indicator))
          picks.push({ at, group: Number(group), indicator });
      }
      wanted.set(keys, picks);
    }
    for (const p of picks)
      out.push({
        group_id: p.group,
        indicator_code: p.indicator,
        period: q.period,
        slice: '',
        value: Number(values[p.at]),
      });
  }
  const missing = periods.filter((p) => !read.has(p));
  for (const r of await findTotalRows(db, poleId, missing, series))
    if (r.value !== null) out.push(r);
  return out;
}
