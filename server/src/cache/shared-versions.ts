import { type Kysely, sql } from 'kysely';
import type { Database } from '../db/database';
import { engineOf } from '../db/engine';
import type { AppCache } from './app-cache';

/**
 * What a writing request changed, as the other servers must learn it: a pole's data, anything
 * global (accounts, tokens, administration), or the sessions (a logout: cached callers only).
 */
export type SharedScope = { pole: number } | 'global' | 'sessions';

const scopeName = (s: SharedScope) => (typeof s === 'object' ? `pole:${s.pole}` : s);

/**
 * The data versions of one app server on PostgreSQL, where several servers may share the
 * database (docs/decisions.md, "Several servers on one database"). Every writing request
 * records what it changed in `data_versions` before it answers (`publish`); every request first
 * reads what changed since this server last looked (`catchUp`: one indexed query, usually no
 * row) and bumps the in-process epochs accordingly, so the caches keyed by them stay as they
 * are. Versions come from one counter row whose lock orders the bumps as they commit: having
 * seen version N, a server has seen every bump numbered below N.
 */
export class SharedVersions {
  /** The highest version this server has applied. */
  private seen = 0;
  private running: Promise<void> | null = null;
  private next: Promise<void> | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly cache: AppCache,
  ) {}

  /**
   * Resolves once every bump committed before the call is applied here. Concurrent requests
   * share one query: one that arrives while a query runs waits for the next, which starts when
   * that one ends (the one running may have started before a write it must see).
   */
  catchUp(): Promise<void> {
    if (this.running === null) {
      const p: Promise<void> = this.poll().finally(() => {
        if (this.running === p) this.running = null;
      });
      this.running = p;
      return p;
    }
    this.next ??= this.running.then(() => {
      this.next = null;
      return this.catchUp();
    });
    return this.next;
  }

  private async poll(): Promise<void> {
    let rows: Array<{ scope: string; version: number }>;
    try {
      ({ rows } = await sql<{ scope: string; version: number }>`
        SELECT scope, version FROM data_versions WHERE version > ${this.seen}`.execute(this.db));
    } catch (err) {
      // What changed is unknown: nothing cached here is trusted; the request meets the
      // database itself (or its error). The next request asks again from the same version.
      this.cache.epochs.bumpAll();
      this.cache.forgetPrincipals();
      console.error('[ptce-suivi] reading the data versions failed:', err);
      return;
    }
    let seen = this.seen;
    for (const { scope, version } of rows) {
      seen = Math.max(seen, Number(version));
      this.apply(scope);
    }
    this.seen = Math.max(this.seen, seen);
  }

  private apply(scope: string): void {
    if (scope === '') return; // the counter
    if (scope === 'sessions') this.cache.forgetPrincipals();
    else if (scope.startsWith('pole:')) this.cache.epochs.bumpPole(Number(scope.slice(5)));
    else this.cache.epochs.bumpAll();
  }

  /**
   * Records a bump for the other servers (this one bumped its own epochs already): one
   * statement, committed before the request answers.
   */
  async publish(scope: SharedScope): Promise<void> {
    const { rows } = await sql<{ version: number }>`
      WITH counter AS (
        UPDATE data_versions SET version = version + 1 WHERE scope = '' RETURNING version
      )
      INSERT INTO data_versions (scope, version) SELECT ${scopeName(scope)}, version FROM counter
      ON CONFLICT (scope) DO UPDATE SET version = excluded.version
      RETURNING version`.execute(this.db);
    const version = Number(rows[0]?.version);
    // Nothing was bumped between what this server saw and its own bump: no need to read it back.
    if (version === this.seen + 1) this.seen = version;
  }
}

const shared = new WeakMap<AppCache, SharedVersions>();

/**
 * The shared data versions of an app's cache on PostgreSQL, or null on SQLite (one server per
 * database file: its in-process epochs are the whole truth, at no query per request).
 */
export function sharedVersions(deps: {
  db: Kysely<Database>;
  cache: AppCache;
}): SharedVersions | null {
  if (engineOf(deps.db) !== 'postgres') return null;
  let s = shared.get(deps.cache);
  if (!s) {
    s = new SharedVersions(deps.db, deps.cache);
    shared.set(deps.cache, s);
  }
  return s;
}
