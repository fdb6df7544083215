import type { PoleSummary } from '@ptce/shared/poles.schema';
import { sql } from 'kysely';
import type { Db } from '../db/database';

/** The key of the maps these queries answer: `pole id|period`. */
export const polePeriodKey = (poleId: number, period: string) => `${poleId}|${period}`;
const key = polePeriodKey;

/** A region by code with its poles (id, slug, name), by name; undefined when it does not exist. */
export async function findRegionPoles(
  db: Db,
  code: string,
): Promise<
  | {
      region: PoleSummary['region'];
      poles: Array<{ id: number; slug: string; name: string }>;
    }
  | undefined
> {
  const region = await db
    .selectFrom('regions')
    .select(['code', 'name'])
    .where('code', '=', code)
    .executeTakeFirst();
  if (!region) return undefined;
  const poles = await db
    .selectFrom('poles')
    .select(['id', 'slug', 'name'])
    .where('region_code', '=', code)
    .orderBy('name')
    .orderBy('slug')
    .execute();
  return { region, poles };
}

/**
 * The time of each quarter's first submission (`pole id|period` → ISO time), for these poles
 * and quarters in [from, to]: one query over the workflow log.
 */
export async function findFirstSubmits(
  db: Db,
  poleIds: readonly number[],
  from: string,
  to: string,
): Promise<Map<string, string>> {
  if (poleIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('period_events')
    .select(['pole_id', 'period', sql<string>`min(at)`.as('at')])
    .where('pole_id', 'in', poleIds)
    .where('action', '=', 'submit')
    .where('period', '>=', from)
    .where('period', '<=', to)
    .groupBy(['pole_id', 'period'])
    .execute();
  return new Map(rows.map((r) => [key(r.pole_id, r.period), r.at]));
}

/**
 * How many entries each quarter stores with an override reason (`pole id|period` → count), for
 * these poles and quarters in [from, to]: cleared cells do not count. One query.
 */
export async function findOverrideCounts(
  db: Db,
  poleIds: readonly number[],
  from: string,
  to: string,
): Promise<Map<string, number>> {
  if (poleIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('values')
    .select(['pole_id', 'period', sql<number>`count(*)`.as('n')])
    .where('pole_id', 'in', poleIds)
    .where('period', '>=', from)
    .where('period', '<=', to)
    .where('value', 'is not', null)
    .where('override_reason', 'is not', null)
    .groupBy(['pole_id', 'period'])
    .execute();
  return new Map(rows.map((r) => [key(r.pole_id, r.period), Number(r.n)]));
}
