import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../app';
import { connect } from '../db/create-db';
import { readEnv } from '../env';
import { openInstance } from '../instance';
import { type Cluster, startCluster } from '../test-support/pg-cluster';
import { withDatabase } from '../test-support/test-database';
import { BackupError } from './backup-error';
import {
  copySqliteToPostgres,
  openSqliteSource,
  type TableShape,
  tableChecksum,
} from './sqlite-to-postgres';

// The migration copy test (issue 13 point 6): a SQLite instance with rows in every table is
// copied into a new PostgreSQL database, which then serves the same answers. Its own
// PostgreSQL: a throwaway cluster, or the server of PTCE_TEST_PG_ADMIN_URL when set.

const NOW = new Date('2026-11-29T10:00:00Z');
const ADMIN = { email: 'admin@migration.test', password: 'mot-de-passe-migration' };
const ORIGIN = 'http://localhost';

let cluster: Cluster | null = null;
let admin: string;
let dir: string;
let source: string;
let cookie: string;
let deletedTokenId: number;

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

let dbCounter = 0;
async function newDatabase(): Promise<string> {
  const name = `ptce_migrate_${process.pid}_${++dbCounter}`;
  await adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await adminQuery(`CREATE DATABASE ${name}`);
  return withDatabase(admin, name);
}

type App = ReturnType<typeof createApp>;
async function call(app: App, method: string, url: string, body?: unknown) {
  const headers: Record<string, string> = { cookie, origin: ORIGIN };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await app.request(`${ORIGIN}${url}`, {
    method,
    headers,
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

const env = (target: Record<string, string>) =>
  readEnv({
    ...target,
    PTCE_ADMIN_EMAIL: ADMIN.email,
    PTCE_ADMIN_PASSWORD: ADMIN.password,
  });

/** The demo instance on SQLite, and through the API and the database rows in every table. */
async function buildSource(file: string): Promise<void> {
  const inst = await openInstance(env({ PTCE_DB: file }), () => NOW);
  try {
    const app = createApp(inst.deps);
    const db = inst.deps.db;
    const res = await app.request(`${ORIGIN}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', origin: ORIGIN },
      body: JSON.stringify(ADMIN),
    });
    expect(res.status).toBe(200);
    cookie = (res.headers.get('set-cookie') ?? '').split(';')[0]!;
    for (const name of ['Export trimestriel', 'Jeton supprimé'])
      expect((await call(app, 'POST', '/api/tokens', { name })).status).toBe(201);
    // The newest token removed: SQLite's counter stays past it, the copy's sequence too.
    const last = await db
      .selectFrom('api_tokens')
      .select('id')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    deletedTokenId = last.id;
    await db.deleteFrom('api_tokens').where('id', '=', last.id).execute();
    // A dashboard read builds the quarters' rows of quarter_totals.
    expect(
      (
        await call(
          app,
          'GET',
          '/api/poles/henin-carvin/values?from=2025Q1&to=2026Q3&slice=&ratioTerms=true',
        )
      ).status,
    ).toBe(200);

    const pole = await db
      .selectFrom('poles')
      .select('id')
      .where('slug', '=', 'henin-carvin')
      .executeTakeFirstOrThrow();
    const group = await db
      .selectFrom('working_groups')
      .select('id')
      .where('pole_id', '=', pole.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const user = await db
      .selectFrom('users')
      .select('id')
      .where('email', '=', ADMIN.email)
      .executeTakeFirstOrThrow();
    const at = '2026-11-28T09:30:00.250Z';
    const text = 'Faits marquants : « l’été » — 10 % 😀 "quotes" \\ back\nslash';
    // The throttle's table is written on PostgreSQL only; a row here proves it is copied too.
    await sql`INSERT INTO login_throttle (kind, account, address, hits, ends, since)
      VALUES ('pair', 'coord@hc.test', '203.0.113.7', 3, ${Date.parse(at)}, ${Date.parse(at) - 60_000})`.execute(
      db,
    );
    await db
      .insertInto('target_history')
      .values({
        group_id: group.id,
        indicator_code: 'x',
        year: 2026,
        old_value: null,
        new_value: 0.1 + 0.2,
        changed_at: at,
        changed_by: user.id,
      })
      .execute();
    await db
      .insertInto('narratives')
      .values({
        pole_id: pole.id,
        period: '2026Q3',
        version: 2,
        updated_at: at,
        updated_by: user.id,
      })
      .execute();
    await db
      .insertInto('narrative_texts')
      .values({ pole_id: pole.id, period: '2026Q3', group_id: group.id, text })
      .execute();
    await db
      .insertInto('narrative_history')
      .values({
        pole_id: pole.id,
        period: '2026Q3',
        group_id: group.id,
        old_text: '',
        new_text: text,
        version: 2,
        changed_at: at,
        changed_by: user.id,
      })
      .execute();
    const event = await db
      .insertInto('notification_events')
      .values({
        kind: 'submitted',
        pole_id: pole.id,
        period: '2026Q3',
        reason: null,
        actor_id: user.id,
        data: '{"from":"draft"}',
        dedupe_key: null,
        created_at: at,
        handed_out_at: at,
        lease_owner: null,
        lease_until: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const notification = await db
      .insertInto('notifications')
      .values({
        event_id: event.id,
        user_id: user.id,
        link: '/poles/henin-carvin/2026Q3',
        delivery: 'digest',
        created_at: at,
        read_at: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const mail = await db
      .insertInto('mail_outbox')
      .values({
        user_id: user.id,
        type: 'digest',
        notification_id: null,
        dedupe_key: `d:${user.id}:2026-11-29`,
        state: 'waiting',
        attempts: 1,
        last_error: 'connect ECONNREFUSED',
        created_at: at,
        next_attempt_at: '2026-11-29T06:00:00.000Z',
        sent_at: null,
        to_address: ADMIN.email,
        lease_owner: null,
        lease_until: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('mail_digest_items')
      .values({ notification_id: notification.id, mail_id: mail.id })
      .execute();
    await db
      .insertInto('notification_preferences')
      .values({ user_id: user.id, kind: 'submitted', delivery: 'digest' })
      .execute();
    await db.insertInto('notification_settings').values({ user_id: user.id, lang: 'fr' }).execute();
  } finally {
    await inst.close();
  }
}

const GETS = [
  '/api/session',
  '/api/poles/henin-carvin',
  '/api/poles/henin-carvin/values',
  '/api/poles/henin-carvin/periods',
  '/api/poles/henin-carvin/periods/2026Q3/events',
  '/api/poles/henin-carvin/periods/2026Q3/narrative',
  '/api/poles/henin-carvin/targets?year=2026',
  '/api/regions/HDF/values',
  '/api/tokens',
  '/api/notifications/preferences',
  '/api/exports/values?format=csv&poles=henin-carvin',
];

/** The answers of GETS on the instance of `target`, with the admin's session. */
async function answers(target: Record<string, string>): Promise<string[]> {
  const inst = await openInstance(env(target), () => NOW);
  try {
    const app = createApp(inst.deps);
    const out: string[] = [];
    for (const url of GETS) {
      const res = await call(app, 'GET', url);
      out.push(`${url} ${res.status} ${res.text}`);
    }
    return out;
  } finally {
    await inst.close();
  }
}

beforeAll(async () => {
  const given = process.env.PTCE_TEST_PG_ADMIN_URL;
  if (!given) cluster = await startCluster();
  admin = given ?? cluster!.url;
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ptce-migrate-'));
  source = path.join(dir, 'ptce-suivi.sqlite');
  await buildSource(source);
});

afterAll(() => {
  cluster?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
});

describe('copySqliteToPostgres', () => {
  it('copies every table into an empty database, checked, ids kept, serving the same answers', async () => {
    const shapes: TableShape[] = (() => {
      const s = openSqliteSource(source);
      try {
        return s.tables;
      } finally {
        s.close();
      }
    })();
    // Every table of the schema holds rows: a table added later needs rows here too.
    const sqliteDb = connect(source);
    const expected = new Map<string, { rows: number; sum: string }>();
    try {
      for (const t of shapes) {
        const h = await tableChecksum(sqliteDb.db, t);
        expect(h.rows, `rows in ${t.name}`).toBeGreaterThan(0);
        expected.set(t.name, { rows: h.rows, sum: h.digest() });
      }
    } finally {
      await sqliteDb.db.destroy();
    }
    expect(shapes.map((t) => t.name)).toEqual(
      expect.arrayContaining(['values', 'value_history', 'sessions', 'api_tokens', 'mail_outbox']),
    );
    // Foreign-key order: what a table points to comes first.
    const order = shapes.map((t) => t.name);
    expect(order.indexOf('poles')).toBeLessThan(order.indexOf('values'));
    expect(order.indexOf('notifications')).toBeLessThan(order.indexOf('mail_digest_items'));
    const before = await answers({ PTCE_DB: source });

    const target = await newDatabase();
    const result = await copySqliteToPostgres(source, target);
    expect(result.ok).toBe(true);
    expect(result.tables.map((t) => t.table).sort()).toEqual([...expected.keys()].sort());
    for (const r of result.tables) {
      expect(r.ok).toBe(true);
      expect(r.targetRows).toBe(r.rows);
      expect(r.targetChecksum).toBe(r.checksum);
      // The copy's own check agrees with one computed apart, through Kysely on SQLite.
      expect({ rows: r.rows, sum: r.checksum }).toEqual(expected.get(r.table));
    }

    // Read back apart from the copy's transaction: same rows, same ids, as the app reads them.
    const pgDb = connect(target, 2);
    try {
      for (const t of shapes) {
        const h = await tableChecksum(pgDb.db, t);
        expect({ table: t.name, rows: h.rows, sum: h.digest() }).toEqual({
          table: t.name,
          ...expected.get(t.name),
        });
      }
      const flags = await pgDb.db
        .selectFrom('working_groups')
        .select('is_pole')
        .distinct()
        .orderBy('is_pole')
        .execute();
      expect(flags.map((f) => f.is_pole)).toEqual([0, 1]);
    } finally {
      await pgDb.db.destroy();
    }

    // A second copy into the same database is refused, and changes nothing.
    await expect(copySqliteToPostgres(source, target)).rejects.toThrow(
      /the target is not empty: .*hold rows/,
    );

    // The app on PostgreSQL: the same answers (the session cookie was copied too)…
    const after = await answers({ PTCE_DB: source, PTCE_DATABASE_URL: target });
    expect(after).toEqual(before);
    for (const [i, url] of GETS.entries()) expect(after[i]!.startsWith(`${url} 200 `)).toBe(true);
    // …and new rows continue the ids, past one SQLite handed out and deleted.
    const inst = await openInstance(env({ PTCE_DATABASE_URL: target }), () => NOW);
    try {
      const app = createApp(inst.deps);
      const created = await call(app, 'POST', '/api/tokens', { name: 'Après migration' });
      expect(created.status).toBe(201);
      expect(JSON.parse(created.text).token.id).toBe(deletedTokenId + 1);
    } finally {
      await inst.close();
    }
  });

  it('refuses a database with foreign tables, a SQLite file in use, and rolls nothing half-way', async () => {
    const foreign = await newDatabase();
    const client = new pg.Client({ connectionString: foreign });
    await client.connect();
    await client.query('CREATE TABLE other_app (x int)');
    await client.end();
    await expect(copySqliteToPostgres(source, foreign)).rejects.toThrow(
      /tables that are not ptce-suivi's \(other_app\)/,
    );

    const server = connect(source);
    await server.db.selectFrom('settings').selectAll().execute();
    const target = await newDatabase();
    try {
      await expect(copySqliteToPostgres(source, target)).rejects.toThrow(
        /in use \(is the server running\?\)/,
      );
    } finally {
      await server.db.destroy();
    }
    await expect(copySqliteToPostgres(path.join(dir, 'missing.sqlite'), target)).rejects.toThrow(
      BackupError,
    );
    // Nothing was created on the refused target: it is still usable for the copy.
    const ok = await copySqliteToPostgres(source, target);
    expect(ok.ok).toBe(true);
  });

  it('refuses a SQLite database behind this version’s migrations', async () => {
    const behind = path.join(dir, 'behind.sqlite');
    fs.copyFileSync(source, behind);
    const { sqlite } = connect(behind);
    sqlite!.exec(
      'DELETE FROM kysely_migration WHERE name = (SELECT max(name) FROM kysely_migration)',
    );
    // Kysely never used this handle (it would close it on destroy): closed here.
    sqlite!.close();
    await expect(copySqliteToPostgres(behind, await newDatabase())).rejects.toThrow(
      /1 migration\(s\) pending.*start this version of the server once on it/,
    );
  });

  it('rolls the whole copy back when a table does not read back the same', async () => {
    // A time with microseconds: PostgreSQL's timestamptz keeps them, the app reads milliseconds.
    const odd = path.join(dir, 'odd.sqlite');
    fs.copyFileSync(source, odd);
    const raw = connect(odd).sqlite!;
    raw.exec("UPDATE sessions SET created_at = '2026-11-29T09:00:00.123456Z'");
    raw.close();
    const target = await newDatabase();
    const result = await copySqliteToPostgres(odd, target);
    expect(result.ok).toBe(false);
    expect(result.tables.filter((t) => !t.ok).map((t) => t.table)).toEqual(['sessions']);
    const sessions = result.tables.find((t) => t.table === 'sessions')!;
    expect(sessions.targetRows).toBe(sessions.rows);
    expect(sessions.targetChecksum).not.toBe(sessions.checksum);
    // Nothing stayed: the target is migrated and empty, ready for a corrected copy (but for the
    // row the migrations write themselves: data_versions' counter).
    const pgDb = connect(target, 1);
    try {
      for (const t of result.tables.filter((x) => x.table !== 'data_versions')) {
        const { rows } = await sql<{ n: number }>`SELECT count(*) AS n FROM ${sql.table(
          t.table,
        )}`.execute(pgDb.db);
        expect({ table: t.table, rows: rows[0]!.n }).toEqual({ table: t.table, rows: 0 });
      }
    } finally {
      await pgDb.db.destroy();
    }
    expect((await copySqliteToPostgres(source, target)).ok).toBe(true);
  });
});
