import { loadCatalogue } from '@ptce/data/catalogue';
import pg from 'pg';
import { syncCatalogue } from '../catalogue/catalogue.repository';
import { connect } from '../db/create-db';
import { migrateToLatest } from '../db/migrate';
import { type Cluster, startCluster } from './pg-cluster';
import { TEMPLATE_DB, withDatabase } from './test-database';

// Vitest global setup of the `node-pg` project: the PostgreSQL the API suite runs against, a
// throwaway cluster unless PTCE_TEST_DATABASE_URL names a server (its user must be allowed to
// create databases), and the template every test database is copied from: migrated, with the
// catalogue. Workers inherit the environment set here.

let cluster: Cluster | null = null;

/** @public Vitest calls it by name. */
export async function setup(): Promise<void> {
  const given = process.env.PTCE_TEST_DATABASE_URL;
  if (!given) cluster = await startCluster();
  const admin = given ?? cluster!.url;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${TEMPLATE_DB}`);
  } finally {
    await client.end();
  }
  const { db } = connect(withDatabase(admin, TEMPLATE_DB), 1);
  try {
    const migration = await migrateToLatest(db);
    if (migration.error) throw migration.error;
    await syncCatalogue(db, loadCatalogue());
  } finally {
    await db.destroy();
  }
  process.env.PTCE_TEST_PG_ADMIN_URL = admin;
}

/** @public Vitest calls it by name. */
export async function teardown(): Promise<void> {
  cluster?.stop();
  cluster = null;
}
