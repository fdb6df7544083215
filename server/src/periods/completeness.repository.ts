import type { ScopeCompleteness } from '@ptce/shared/periods.schema';
import { sql } from 'kysely';
import type { Db } from '../db/database';

/**
 * Per quarter and scope: how many tracked, entered (non-ratio) indicators have a total.
 * Key `*` holds every scope at 0 filled, for quarters with no value at all.
 */
export async function findCompleteness(db: Db, poleId: number, from: string, to: string) {
  const expected = await db
    .selectFrom('working_groups as g')
    .leftJoin('tracked_indicators as t', 't.group_id', 'g.id')
    .leftJoin('indicators as i', 'i.code', 't.indicator_code')
    .select([
      'g.id',
      'g.slug',
      sql<number>`sum(case when i.kind != 'ratio' then 1 else 0 end)`.as('n'),
    ])
    .where('g.pole_id', '=', poleId)
    .groupBy(['g.id', 'g.slug'])
    .orderBy('g.is_pole')
    .orderBy('g.position')
    .execute();
  const filled = await db
    .selectFrom('values')
    .select(['period', 'group_id', sql<number>`count(*)`.as('n')])
    .where('pole_id', '=', poleId)
    .where('period', '>=', from)
    .where('period', '<=', to)
    .where('slice', '=', '')
    .where('value', 'is not', null)
    .groupBy(['period', 'group_id'])
    .execute();
  const counts = new Map(filled.map((f) => [`${f.period}|${f.group_id}`, Number(f.n)]));
  const periods = new Set(filled.map((f) => f.period));
  const result = new Map<string, ScopeCompleteness[]>();
  for (const period of [...periods, '*']) {
    result.set(
      period,
      expected.map((g) => ({
        scope: g.slug,
        filled: counts.get(`${period}|${g.id}`) ?? 0,
        expected: Number(g.n ?? 0),
      })),
    );
  }
  return result;
}
