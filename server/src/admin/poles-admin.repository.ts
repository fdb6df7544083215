import { POLE_SCOPE, POLE_SCOPE_NAMES, type Pole } from '@ptce/shared/poles.schema';
import type { Db } from '../db/database';
import { findScopes, listPoles } from '../poles/poles.repository';

/** Name of the pole-level scope a new pole gets (shown translated: `scopeNameIn`). */
const POLE_SCOPE_NAME = POLE_SCOPE_NAMES.fr;

/** A pole as `GET /api/poles/{pole}` shows it (without the caller's roles). */
export async function findPoleDetail(db: Db, poleId: number): Promise<Pole> {
  const [summary] = await listPoles(db, [poleId]);
  const scopes = (await findScopes(db, poleId)).map(({ id: _id, ...s }) => s);
  return { ...summary!, scopes };
}

/** Creates a pole and its pole-level scope (tracking nothing yet), in the caller's transaction. */
export async function insertPole(
  db: Db,
  p: { slug: string; name: string; territory: string; regionCode: string; at: string },
): Promise<number> {
  const { id } = await db
    .insertInto('poles')
    .values({
      slug: p.slug,
      name: p.name,
      territory: p.territory,
      region_code: p.regionCode,
      created_at: p.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('working_groups')
    .values({ pole_id: id, slug: POLE_SCOPE, name: POLE_SCOPE_NAME, is_pole: 1, position: 0 })
    .execute();
  return id;
}

/** Changes the given fields of a pole (the slug never changes). */
export async function updatePole(
  db: Db,
  poleId: number,
  patch: {
    name?: string | undefined;
    territory?: string | undefined;
    regionCode?: string | undefined;
  },
): Promise<void> {
  await db
    .updateTable('poles')
    .set({
      ...(patch.name !== undefined ? { name: patch.name } : {}),
      ...(patch.territory !== undefined ? { territory: patch.territory } : {}),
      ...(patch.regionCode !== undefined ? { region_code: patch.regionCode } : {}),
    })
    .where('id', '=', poleId)
    .execute();
}
