import { loadCatalogue as loadCatalogueFile } from '@ptce/data/catalogue';
import { loadDemo } from '@ptce/data/demo';
import { POLE_SCOPE } from '@ptce/shared/poles.schema';
import type { Role } from '@ptce/shared/session.schema';
import { createApp } from '../app';
import { hashPassword } from '../auth/passwords';
import { AppCache } from '../cache/app-cache';
import { syncCatalogue } from '../catalogue/catalogue.repository';
import { CatalogueCache } from '../catalogue/catalogue-cache';
import { connect } from '../db/create-db';
import { migrateToLatest } from '../db/migrate';
import type { AppDeps } from '../http/app-env';
import { defaultLimits, threadDerive } from '../instance';
import { insertUser } from '../users/users.repository';
import { createWorkers } from '../workers/workers';
import { createTestDatabase } from './test-database';

export const PASSWORD = 'mot-de-passe-de-test';
/** A fixed clock: 29 Nov 2026, so the current quarter is 2026Q4 and 2026Q3 is complete. */
export const NOW = new Date('2026-11-29T10:00:00Z');

/** Test accounts: e-mail → memberships. */
const ACCOUNTS: Record<string, Array<{ role: Role; pole?: string; region?: string }>> = {
  'coord@hc.test': [{ role: 'coordinator', pole: 'henin-carvin' }],
  'board@hc.test': [{ role: 'board', pole: 'henin-carvin' }],
  'cress@hdf.test': [{ role: 'cress', region: 'HDF' }],
  'cress@occ.test': [{ role: 'cress', region: 'OCC' }],
  'admin@test.test': [{ role: 'admin' }],
  'coord@other.test': [{ role: 'coordinator', pole: 'autre-pole' }],
  'coord@littoral.test': [{ role: 'coordinator', pole: 'demo-littoral' }],
};

/**
 * A real database, migrated, with the catalogue and three poles — a SQLite file in a temporary
 * folder, or a new PostgreSQL database when the tests run on PostgreSQL (test-database.ts):
 * `henin-carvin` (the demo's scopes) and `demo-littoral` in HDF, `autre-pole` in OCC, no values.
 */
export async function createTestInstance(opts: { now?: () => Date } = {}) {
  const store = await createTestDatabase();
  const file = store.target;
  const { db, sqlite, engine } = connect(file, 4);
  const migration = await migrateToLatest(db);
  if (migration.error) throw migration.error;
  await syncCatalogue(db, loadCatalogueFile());
  const demo = loadDemo();
  const at = NOW.toISOString();
  await db
    .insertInto('regions')
    .values([
      { code: 'HDF', name: 'Hauts-de-France' },
      { code: 'OCC', name: 'Occitanie' },
    ])
    .execute();
  const poleIds = new Map<string, number>();
  const hc = demo.poles.find((p) => p.slug === 'henin-carvin')!;
  const poles = [
    {
      slug: 'henin-carvin',
      name: hc.name,
      region: 'HDF',
      groups: hc.groups,
      poleIndicators: hc.poleIndicators,
    },
    {
      slug: 'demo-littoral',
      name: 'Démo Littoral',
      region: 'HDF',
      groups: hc.groups.slice(0, 1),
      poleIndicators: hc.poleIndicators,
    },
    {
      slug: 'autre-pole',
      name: 'Autre pôle',
      region: 'OCC',
      groups: hc.groups.slice(0, 1),
      poleIndicators: hc.poleIndicators,
    },
  ];
  for (const p of poles) {
    const { id } = await db
      .insertInto('poles')
      .values({
        slug: p.slug,
        name: p.name,
        territory: 'Test',
        region_code: p.region,
        created_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    poleIds.set(p.slug, id);
    const scopes = [
      ...p.groups.map((g) => ({ ...g, isPole: 0 })),
      { slug: POLE_SCOPE, name: 'Pôle', indicators: p.poleIndicators, isPole: 1 },
    ];
    for (const [position, s] of scopes.entries()) {
      const g = await db
        .insertInto('working_groups')
        .values({ pole_id: id, slug: s.slug, name: s.name, is_pole: s.isPole, position })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db
        .insertInto('tracked_indicators')
        .values(
          s.indicators.map((code, i) => ({ group_id: g.id, indicator_code: code, position: i })),
        )
        .execute();
    }
  }
  const passwordHash = await hashPassword(PASSWORD);
  for (const [email, memberships] of Object.entries(ACCOUNTS)) {
    await insertUser(db, {
      email,
      name: email.split('@')[0]!,
      passwordHash,
      at,
      memberships: memberships.map((m) => ({ ...m, poleId: m.pole ? poleIds.get(m.pole)! : null })),
    });
  }
  // The server's hashing threads, as in openInstance: logins in tests go the same way.
  const workers = createWorkers();
  const deps: AppDeps = {
    db,
    dbFile: file,
    catalogue: new CatalogueCache(db),
    cache: new AppCache(),
    sessionHours: 12,
    allowedOrigins: [],
    trustProxy: false,
    deadlineDays: 30,
    // PTCE_RESUBMIT_DAYS's default, as the test notifier's rules.
    resubmitDays: 15,
    now: opts.now ?? (() => NOW),
    limits: defaultLimits(threadDerive(workers), db),
    workers,
  };
  const app = createApp(deps);
  return {
    app,
    deps,
    db,
    /** The raw SQLite handle (null on PostgreSQL). */
    sqlite,
    engine,
    /** The database: a SQLite file, or a PostgreSQL URL. */
    file,
    /** A temporary folder of the instance's own, removed by `close`. */
    dir: store.dir,
    poleIds,
    async close() {
      await deps.workers.close();
      await db.destroy();
      await store.drop();
    },
  };
}

export type TestInstance = Awaited<ReturnType<typeof createTestInstance>>;
