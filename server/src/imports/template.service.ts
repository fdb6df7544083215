import type { Kysely } from 'kysely';
import type { CatalogueCache } from '../catalogue/catalogue-cache';
import type { Database, PoleRow } from '../db/database';
import { transact } from '../db/engine';
import { findScopes } from '../poles/poles.repository';
import { findRows } from '../values/values.repository';
import { buildTemplate } from './build-template';
import { templateLines } from './template-rows';

/** The pole's template for `period` as .xlsx bytes, prefilled with the quarter's current values. */
export async function templateFor(
  deps: { db: Kysely<Database>; catalogue: CatalogueCache; now: () => Date },
  pole: PoleRow,
  period: string,
): Promise<Uint8Array> {
  const catalogue = await deps.catalogue.get();
  const retired = await deps.catalogue.retired();
  const { scopes, rows } = await transact(deps.db, async (trx) => ({
    scopes: await findScopes(trx, pole.id),
    rows: await findRows(trx, pole.id, [period]),
  }));
  return buildTemplate({
    pole,
    period,
    scopes,
    lines: templateLines(catalogue, retired, scopes, rows),
    now: deps.now(),
  });
}
