// Builds a large SQLite dataset for the benchmarks: N poles shaped like the demo's PTCE
// Hénin-Carvin (4 scopes, the whole catalogue with slices), spread over regions, with
// deterministic generated values for a range of quarters, every quarter validated.
// Bulk inserts go through the raw handle's prepared statements: seeding speed only, not app code.

import fs from 'node:fs';
import { loadCatalogue } from '@ptce/data/catalogue';
import { type DemoDefinition, loadDemo } from '@ptce/data/demo';
import { generateDemoValues } from '@ptce/data/generate-demo';
import { quarterRange } from '@ptce/shared/periods';
import { POLE_SCOPE } from '@ptce/shared/poles.schema';
import { hashPassword } from '../server/src/auth/passwords';
import { syncCatalogue } from '../server/src/catalogue/catalogue.repository';
import { openDatabase } from '../server/src/db/create-db';
import { migrateToLatest } from '../server/src/db/migrate';

export interface DatasetOptions {
  poles: number;
  /** 5 adds a fourth working group (Économie circulaire) to the template's 3 groups + the pole scope. */
  scopes?: 4 | 5;
  regions: number;
  from: string;
  to: string;
  seed: number;
}

export const BENCH_ADMIN = { email: 'bench@ptce.test', password: 'bench-password-123' };

/** Writes the dataset to `file` (replaced); returns the number of value rows. */
export async function buildDataset(file: string, o: DatasetOptions): Promise<number> {
  for (const f of [file, `${file}-wal`, `${file}-shm`]) fs.rmSync(f, { force: true });
  const { db, sqlite } = openDatabase(file);
  const migration = await migrateToLatest(db);
  if (migration.error) throw migration.error;
  const catalogue = loadCatalogue();
  await syncCatalogue(db, catalogue);
  const base = loadDemo().poles.find((p) => p.slug === 'henin-carvin')!;
  const te = base.groups.find((g) => g.slug === 'transition-ecologique')!;
  const template =
    o.scopes === 5
      ? {
          ...base,
          groups: [
            ...base.groups,
            { slug: 'economie-circulaire', name: 'Économie circulaire', indicators: te.indicators },
          ],
        }
      : base;
  const at = new Date().toISOString();
  sqlite.pragma('synchronous = OFF');
  const regions = Array.from({ length: o.regions }, (_, i) => `R${String(i + 1).padStart(2, '0')}`);
  const insRegion = sqlite.prepare('INSERT INTO regions (code, name) VALUES (?, ?)');
  const insPole = sqlite.prepare(
    'INSERT INTO poles (slug, name, territory, region_code, created_at) VALUES (?, ?, ?, ?, ?)',
  );
  const insGroup = sqlite.prepare(
    'INSERT INTO working_groups (pole_id, slug, name, is_pole, position) VALUES (?, ?, ?, ?, ?)',
  );
  const insTracked = sqlite.prepare(
    'INSERT INTO tracked_indicators (group_id, indicator_code, position) VALUES (?, ?, ?)',
  );
  const insValue = sqlite.prepare(
    `INSERT INTO "values" (pole_id, group_id, indicator_code, period, slice, value, comment, override_reason, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?, NULL, NULL, 1, ?, NULL)`,
  );
  const insStatus = sqlite.prepare(
    `INSERT INTO quarter_status (pole_id, period, status, reason, updated_at, updated_by) VALUES (?, ?, 'validated', NULL, ?, NULL)`,
  );
  let count = 0;
  sqlite.transaction(() => {
    for (const r of regions) insRegion.run(r, `Région ${r}`);
  })();
  const quarters = quarterRange(o.from, o.to);
  for (let start = 0; start < o.poles; start += 10) {
    const batch = Array.from({ length: Math.min(10, o.poles - start) }, (_, k) => {
      const n = start + k + 1;
      return {
        ...template,
        slug: `pole-${String(n).padStart(3, '0')}`,
        name: `Pôle ${n}`,
        region: regions[(n - 1) % regions.length]!,
      };
    });
    const demo: DemoDefinition = {
      regions: regions.map((code) => ({ code, name: code })),
      poles: batch,
      accounts: [],
    };
    const { values } = generateDemoValues(demo, catalogue, {
      seed: o.seed,
      from: o.from,
      to: o.to,
    });
    sqlite.transaction(() => {
      const groups = new Map<string, { poleId: number; groupId: number }>();
      for (const pole of batch) {
        const poleId = Number(
          insPole.run(pole.slug, pole.name, 'Banc d’essai', pole.region, at).lastInsertRowid,
        );
        const scopes = [
          ...pole.groups.map((g) => ({ ...g, isPole: 0 })),
          { slug: POLE_SCOPE, name: 'Pôle', indicators: pole.poleIndicators, isPole: 1 },
        ];
        scopes.forEach((s, position) => {
          const groupId = Number(
            insGroup.run(poleId, s.slug, s.name, s.isPole, position).lastInsertRowid,
          );
          for (const [i, code] of s.indicators.entries()) insTracked.run(groupId, code, i);
          groups.set(`${pole.slug}|${s.slug}`, { poleId, groupId });
        });
        for (const q of quarters) insStatus.run(poleId, q, at);
      }
      for (const v of values) {
        const g = groups.get(`${v.pole}|${v.scope}`)!;
        insValue.run(g.poleId, g.groupId, v.indicator, v.period, v.slice, v.value, at);
      }
    })();
    count += values.length;
  }
  const { id } = await db
    .insertInto('users')
    .values({
      email: BENCH_ADMIN.email,
      name: 'Banc d’essai',
      password_hash: await hashPassword(BENCH_ADMIN.password),
      created_at: at,
      disabled_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('memberships')
    .values({ user_id: id, role: 'admin', pole_id: null, region_code: null })
    .execute();
  await db.insertInto('settings').values({ key: 'initialized_at', value: at }).execute();
  sqlite.pragma('wal_checkpoint(TRUNCATE)');
  await db.destroy();
  return count;
}
