import type { Lang } from '@ptce/shared/error-messages';
import type { Kysely } from 'kysely';
import type { HashQueue } from '../auth/hash-queue';
import type { Logins } from '../auth/login-throttle';
import type { Principal } from '../auth/principal';
import type { AppCache } from '../cache/app-cache';
import type { CatalogueCache } from '../catalogue/catalogue-cache';
import type { Database } from '../db/database';
import type { Notifier } from '../notifications/notifier';
import type { Workers } from '../workers/workers';

/** What the routes need from the outside world: passed in, never imported as singletons. */
export interface AppDeps {
  db: Kysely<Database>;
  /**
   * The database the heavy reads open a snapshot of in their worker threads: the SQLite file or
   * the PostgreSQL URL; null for an in-memory SQLite database (then they run here).
   */
  dbFile: string | null;
  catalogue: CatalogueCache;
  /** In-memory caches, invalidated by every write (see cache/data-epochs.ts). */
  cache: AppCache;
  sessionHours: number;
  /** Origins (scheme://host[:port]) allowed besides the server's own for cookie writes. */
  allowedOrigins: string[];
  trustProxy: boolean;
  /**
   * PTCE_PUBLIC_URL: the one host served and the origin of cookie writes (see http/origins.ts);
   * undefined for local use (loopback names and IP literals).
   */
  publicUrl?: URL;
  /** PTCE_DEADLINE_DAYS: days after a quarter's end by which it is due. */
  deadlineDays: number;
  /** PTCE_RESUBMIT_DAYS: days to submit again a quarter sent back or reopened, from that day. */
  resubmitDays: number;
  now: () => Date;
  /** Failed-login throttling, and the queue every password hash goes through. */
  limits: { logins: Logins; hashing: HashQueue };
  /** Worker threads for uploads and heavy reads. */
  workers: Workers;
  /** The notifications job (reminders, hand-out, e-mail); absent: events wait in the outbox. */
  notifier?: Notifier;
  /** Benchmark routes under /api/_bench (PTCE_BENCH=1 only). */
  bench?: boolean;
}

export type AppEnv = {
  Variables: {
    lang: Lang;
    principal: Principal | null;
  };
};
