import { loadCatalogue as loadCatalogueFile } from '@ptce/data/catalogue';
import { loadDemo } from '@ptce/data/demo';
import { lastCompleteQuarter } from '@ptce/shared/periods';
import { findUserByEmail } from './auth/auth.repository';
import { HashQueue } from './auth/hash-queue';
import { LoginThrottle } from './auth/login-throttle';
import { type Derive, hashPassword } from './auth/passwords';
import { SharedLoginThrottle } from './auth/shared-login-throttle';
import { AppCache } from './cache/app-cache';
import { type SyncReport, syncCatalogue } from './catalogue/catalogue.repository';
import { CatalogueCache } from './catalogue/catalogue-cache';
import { type Checkpointer, startCheckpointer } from './db/checkpointer';
import { connect } from './db/create-db';
import type { Db } from './db/database';
import { type Engine, engineOf, exclusively, LOCKS } from './db/engine';
import { migrateToLatest } from './db/migrate';
import { findSetting, holdsAnything, insertSetting } from './db/settings.repository';
import { type DemoAccountCreated, seedDemo } from './demo/seed-demo';
import type { Env } from './env';
import type { AppDeps } from './http/app-env';
import { Notifier } from './notifications/notifier';
import { smtpTransport } from './notifications/smtp-transport';
import { insertUser } from './users/users.repository';
import type { ScryptInput } from './workers/hash-worker';
import { createWorkers, type Workers } from './workers/workers';

export interface Instance {
  deps: AppDeps;
  engine: Engine;
  /** The raw SQLite handle (null on PostgreSQL). */
  sqlite: ReturnType<typeof connect>['sqlite'];
  created: boolean;
  catalogue: SyncReport;
  demoAccounts: DemoAccountCreated[];
  /** The notifications job, not started (main starts it once the server listens). */
  notifier: Notifier;
  /** The WAL's checkpointer of a database file (null in memory). */
  checkpointer: Checkpointer | null;
  close: () => Promise<void>;
}

const INITIALIZED = 'initialized_at';

/**
 * Whether the database was set up before: its `initialized_at` setting, or — for a database
 * from before that setting — any region or account (then the setting is written now).
 */
async function isInitialised(db: Db): Promise<boolean> {
  if ((await findSetting(db, INITIALIZED)) !== undefined) return true;
  if (!(await holdsAnything(db))) return false;
  await insertSetting(db, INITIALIZED, new Date().toISOString());
  return true;
}

/** scrypt in the hashing threads (workers.ts): a structured clone's Uint8Array back as a Buffer. */
export function threadDerive(workers: Workers): Derive {
  return async (password, salt, n, r, p) => {
    const input: ScryptInput = { password, salt, n, r, p };
    const key = await workers.hashing.run<Uint8Array>('scrypt', input, 'hash');
    return Buffer.from(key.buffer, key.byteOffset, key.byteLength);
  };
}

/**
 * Login throttling (auth/login-throttle.ts: per account and address, per address, spacing an
 * account under distributed guessing) and the password hashing queue: 2 hashing threads
 * at most, one of them kept for addresses that asked fewer than 3 hashes lately; 16 waiting, 8
 * per address, none waiting over 3 s; quietest address first. See docs/decisions.md, "Login
 * throttling". On PostgreSQL (`db`) the login counts are in the database, shared by every server
 * on it (auth/shared-login-throttle.ts); the hashing queue is each server's own (its threads).
 */
export function defaultLimits(derive?: Derive, db?: AppDeps['db']) {
  return {
    logins: db && engineOf(db) === 'postgres' ? new SharedLoginThrottle(db) : new LoginThrottle(),
    hashing: new HashQueue({
      concurrency: 1,
      reserved: 1,
      quietBelow: 3,
      maxWaiting: 16,
      perOwner: 8,
      maxWaitMs: 3_000,
      halfLifeMs: 60_000,
      ...(derive ? { derive } : {}),
    }),
  };
}

/**
 * Opens the database, applies migrations (throws on failure), syncs the catalogue from `data/`,
 * and — in a new database only — loads the demo (unless PTCE_DEMO=0); creates the admin of
 * PTCE_ADMIN_EMAIL when no account has that e-mail.
 */
export async function openInstance(
  env: Env,
  now: () => Date = () => new Date(),
): Promise<Instance> {
  const target = env.PTCE_DATABASE_URL ?? env.PTCE_DB;
  const { db, sqlite, engine } = connect(target, env.PTCE_PG_POOL);
  const migration = await migrateToLatest(db);
  if (migration.error) {
    await db.destroy();
    throw new Error(`migration failed: ${String(migration.error)}`);
  }
  const catalogueFile = loadCatalogueFile();
  // Several app servers may start together on one PostgreSQL database: one at a time here, so
  // that the demo is loaded and the admin created once.
  const { report, created, demoAccounts } = await exclusively(db, LOCKS.startup, async () => {
    const report = await syncCatalogue(db, catalogueFile);
    // "New" means never initialised, not "the file was missing": a first start that died
    // half-way (its transaction rolled back) starts over and still loads the demo.
    const created = !(await isInitialised(db));
    let demoAccounts: DemoAccountCreated[] = [];
    if (created && env.PTCE_DEMO) {
      demoAccounts = await seedDemo(db, loadDemo(), catalogueFile, {
        to: lastCompleteQuarter(now()),
        seed: 2014,
        now: now(),
        initializedKey: INITIALIZED,
      });
    } else if (created) {
      await insertSetting(db, INITIALIZED, now().toISOString());
    }
    if (
      env.PTCE_ADMIN_EMAIL &&
      env.PTCE_ADMIN_PASSWORD &&
      !(await findUserByEmail(db, env.PTCE_ADMIN_EMAIL))
    ) {
      await insertUser(db, {
        email: env.PTCE_ADMIN_EMAIL.toLowerCase(),
        name: 'Administrateur',
        passwordHash: await hashPassword(env.PTCE_ADMIN_PASSWORD),
        at: now().toISOString(),
        memberships: [{ role: 'admin', poleId: null }],
      });
    }
    return { report, created, demoAccounts };
  });
  const workers = createWorkers();
  const deps: AppDeps = {
    db,
    dbFile: target === ':memory:' ? null : target,
    catalogue: new CatalogueCache(db),
    cache: new AppCache(env.PTCE_CACHE_MB * 1024 * 1024),
    sessionHours: env.PTCE_SESSION_HOURS,
    allowedOrigins: env.PTCE_ORIGINS.split(',')
      .map((s) => s.trim())
      .filter(Boolean),
    trustProxy: env.PTCE_TRUST_PROXY,
    publicUrl: env.PTCE_PUBLIC_URL,
    deadlineDays: env.PTCE_DEADLINE_DAYS,
    resubmitDays: env.PTCE_RESUBMIT_DAYS,
    bench: env.PTCE_BENCH,
    now,
    limits: defaultLimits(threadDerive(workers), db),
    workers,
  };
  const notifier = new Notifier(
    db,
    {
      rules: {
        deadlineDays: env.PTCE_DEADLINE_DAYS,
        dueSoonDays: env.PTCE_REMIND_BEFORE_DAYS,
        overdueEveryDays: env.PTCE_REMIND_OVERDUE_EVERY_DAYS,
        overdueMax: env.PTCE_REMIND_OVERDUE_MAX,
        resubmitDays: env.PTCE_RESUBMIT_DAYS,
      },
      digestHour: env.PTCE_DIGEST_HOUR,
      mail:
        env.PTCE_SMTP_URL && env.PTCE_MAIL_FROM
          ? smtpTransport(env.PTCE_SMTP_URL, env.PTCE_MAIL_FROM)
          : null,
      baseUrl: env.PTCE_PUBLIC_URL?.origin ?? `http://localhost:${env.PORT}`,
    },
    now,
  );
  deps.notifier = notifier;
  // A database file's WAL is copied back on a timer, not by the commit that fills it (SQLite).
  const checkpointer = sqlite && target !== ':memory:' ? startCheckpointer(sqlite) : null;
  return {
    deps,
    engine,
    sqlite,
    created,
    catalogue: report,
    demoAccounts,
    notifier,
    checkpointer,
    close: async () => {
      await notifier.stop();
      checkpointer?.stop();
      await deps.workers.close();
      await db.destroy();
    },
  };
}
