import type { PoleSummary, Scope } from '@ptce/shared/poles.schema';
import type { Db, PoleRow } from '../db/database';

/** The pole of a slug, or undefined. */
export async function findPoleBySlug(db: Db, slug: string): Promise<PoleRow | undefined> {
  return db.selectFrom('poles').selectAll().where('slug', '=', slug).executeTakeFirst();
}

/** Every pole's id by its slug. */
export async function poleIdsBySlug(db: Db): Promise<Map<string, number>> {
  const rows = await db.selectFrom('poles').select(['id', 'slug']).execute();
  return new Map(rows.map((p) => [p.slug, p.id]));
}

/** The ids of the poles of these regions. */
export async function poleIdsInRegions(db: Db, regions: readonly string[]): Promise<number[]> {
  if (regions.length === 0) return [];
  const rows = await db
    .selectFrom('poles')
    .select('id')
    .where('region_code', 'in', regions)
    .execute();
  return rows.map((r) => r.id);
}

/** The poles whose ids are given (or all), with their region, ordered by region then name. */
export async function listPoles(db: Db, ids: number[] | 'all'): Promise<PoleSummary[]> {
  if (ids !== 'all' && ids.length === 0) return [];
  let q = db
    .selectFrom('poles as p')
    .innerJoin('regions as r', 'r.code', 'p.region_code')
    .select(['p.slug', 'p.name', 'p.territory', 'r.code as regionCode', 'r.name as regionName'])
    .orderBy('r.code')
    .orderBy('p.name');
  if (ids !== 'all') q = q.where('p.id', 'in', ids);
  const rows = await q.execute();
  return rows.map((r) => ({
    slug: r.slug,
    name: r.name,
    territory: r.territory,
    region: { code: r.regionCode, name: r.regionName },
  }));
}

export interface ScopeRow extends Scope {
  id: number;
}

/** A pole's scopes (working groups, then the pole scope) with the indicators each tracks. */
export async function findScopes(db: Db, poleId: number): Promise<ScopeRow[]> {
  const rows = await db
    .selectFrom('working_groups as g')
    .leftJoin('tracked_indicators as t', 't.group_id', 'g.id')
    .leftJoin('indicators as i', 'i.code', 't.indicator_code')
    .select([
      'g.id',
      'g.slug',
      'g.name',
      'g.is_pole',
      'g.position',
      't.indicator_code',
      't.position as tpos',
      'i.retired',
    ])
    .where('g.pole_id', '=', poleId)
    .orderBy('g.is_pole')
    .orderBy('g.position')
    .orderBy('g.id')
    .orderBy('t.position')
    .execute();
  const scopes = new Map<number, ScopeRow>();
  for (const r of rows) {
    let s = scopes.get(r.id);
    if (!s) {
      s = {
        id: r.id,
        slug: r.slug,
        name: r.name,
        kind: r.is_pole ? 'pole' : 'group',
        indicators: [],
      };
      scopes.set(r.id, s);
    }
    // A retired indicator stays tracked in the database (its values stay) but is offered no more.
    if (r.indicator_code && !r.retired) s.indicators.push(r.indicator_code);
  }
  return [...scopes.values()];
}
