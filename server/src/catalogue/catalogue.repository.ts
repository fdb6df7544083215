import {
  type Catalogue,
  type Dimension,
  type Indicator,
  IndicatorSchema,
} from '@ptce/shared/catalogue.schema';
import type { Kysely, Transaction } from 'kysely';
import type { Database, Db, IndicatorTable } from '../db/database';
import { transact } from '../db/engine';

export interface SyncReport {
  added: string[];
  updated: string[];
  retired: string[];
  removed: string[];
}

function toRow(ind: Indicator, position: number): IndicatorTable {
  return {
    code: ind.code,
    theme: ind.theme,
    label_fr: ind.labelFr,
    label_en: ind.labelEn,
    definition_fr: ind.definitionFr,
    definition_en: ind.definitionEn,
    unit: ind.unit,
    kind: ind.kind,
    decimals: ind.decimals,
    breakdowns: JSON.stringify(ind.breakdowns),
    numerator: ind.numerator ? JSON.stringify(ind.numerator) : null,
    denominator: ind.denominator ? JSON.stringify(ind.denominator) : null,
    scale: ind.scale,
    min: ind.min,
    max: ind.max,
    grounding: ind.grounding,
    position,
    retired: 0,
  };
}

function toIndicator(row: IndicatorTable): Indicator {
  return IndicatorSchema.parse({
    code: row.code,
    theme: row.theme,
    labelFr: row.label_fr,
    labelEn: row.label_en,
    definitionFr: row.definition_fr,
    definitionEn: row.definition_en,
    unit: row.unit,
    kind: row.kind,
    decimals: row.decimals,
    breakdowns: JSON.parse(row.breakdowns),
    numerator: row.numerator ? JSON.parse(row.numerator) : null,
    denominator: row.denominator ? JSON.parse(row.denominator) : null,
    scale: row.scale,
    min: row.min,
    max: row.max,
    grounding: row.grounding,
  });
}

const same = (a: object, b: object) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Brings the stored catalogue in line with `catalogue` in one transaction: new indicators are
 * added, changed ones updated; one that left the file is deleted when nothing uses it, else
 * marked retired (codes used by values are never deleted). Running it twice changes nothing.
 */
export async function syncCatalogue(
  db: Kysely<Database>,
  catalogue: Catalogue,
): Promise<SyncReport> {
  return transact(db, async (trx) => {
    const report: SyncReport = { added: [], updated: [], retired: [], removed: [] };
    const existing = new Map(
      (await trx.selectFrom('indicators').selectAll().execute()).map((r) => [r.code, r]),
    );
    for (const [i, ind] of catalogue.indicators.entries()) {
      const row = toRow(ind, i);
      const old = existing.get(ind.code);
      if (!old) {
        await trx.insertInto('indicators').values(row).execute();
        report.added.push(ind.code);
      } else if (!same(old, row)) {
        await trx.updateTable('indicators').set(row).where('code', '=', ind.code).execute();
        report.updated.push(ind.code);
      }
      existing.delete(ind.code);
    }
    for (const old of existing.values()) {
      const used =
        (await trx
          .selectFrom('values')
          .select('id')
          .where('indicator_code', '=', old.code)
          .limit(1)
          .executeTakeFirst()) ??
        (await trx
          .selectFrom('tracked_indicators')
          .select('group_id')
          .where('indicator_code', '=', old.code)
          .limit(1)
          .executeTakeFirst()) ??
        (await trx
          .selectFrom('targets')
          .select('year')
          .where('indicator_code', '=', old.code)
          .limit(1)
          .executeTakeFirst());
      if (used) {
        if (old.retired === 0) {
          await trx
            .updateTable('indicators')
            .set({ retired: 1 })
            .where('code', '=', old.code)
            .execute();
          report.retired.push(old.code);
        }
      } else {
        await trx.deleteFrom('indicators').where('code', '=', old.code).execute();
        report.removed.push(old.code);
      }
    }
    await syncDimensions(trx, catalogue.dimensions);
    await trx
      .insertInto('settings')
      .values({ key: 'catalogue_version', value: catalogue.version })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: catalogue.version }))
      .execute();
    return report;
  });
}

async function syncDimensions(trx: Transaction<Database>, dimensions: Dimension[]): Promise<void> {
  const existing = new Map(
    (await trx.selectFrom('dimensions').selectAll().execute()).map((r) => [r.code, r]),
  );
  for (const [i, d] of dimensions.entries()) {
    const row = {
      code: d.code,
      label_fr: d.labelFr,
      label_en: d.labelEn,
      pole_groups: d.poleGroups ? 1 : 0,
      members: JSON.stringify(d.members),
      position: i,
    };
    const old = existing.get(d.code);
    if (!old) await trx.insertInto('dimensions').values(row).execute();
    else if (!same(old, row))
      await trx.updateTable('dimensions').set(row).where('code', '=', d.code).execute();
  }
}

/** Codes of the indicators that left the catalogue file but are kept for their values. */
export async function findRetiredCodes(db: Db): Promise<Set<string>> {
  const rows = await db.selectFrom('indicators').select('code').where('retired', '=', 1).execute();
  return new Set(rows.map((r) => r.code));
}

/** The stored catalogue (retired indicators included, flagged by the caller if needed). */
export async function loadCatalogue(db: Db): Promise<Catalogue> {
  const [indicators, dimensions, version] = await Promise.all([
    db.selectFrom('indicators').selectAll().orderBy('position').orderBy('code').execute(),
    db.selectFrom('dimensions').selectAll().orderBy('position').execute(),
    db
      .selectFrom('settings')
      .select('value')
      .where('key', '=', 'catalogue_version')
      .executeTakeFirst(),
  ]);
  return {
    version: version?.value ?? '0',
    indicators: indicators.map(toIndicator),
    dimensions: dimensions.map((d) => ({
      code: d.code,
      labelFr: d.label_fr,
      labelEn: d.label_en,
      poleGroups: d.pole_groups === 1,
      members: JSON.parse(d.members),
    })),
  };
}
