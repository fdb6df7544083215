import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';
import { type SharedScope, type SharedVersions, sharedVersions } from './shared-versions';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Whether a request may have written: not a read, and not refused. A 4xx writes nothing (every
 * refusal is checked to change nothing, by the fuzzer among others), nor does a 503 (a queue
 * full: turned away before any work), so they bump nothing either: on PostgreSQL a flood of
 * refused writes then costs the database no write at all.
 */
const mayHaveWritten = (method: string, status: number) =>
  !READS.has(method) && !(status >= 400 && status < 500) && status !== 503;

/**
 * After every request that may have written (any method but GET/HEAD/OPTIONS, unless refused
 * with a 4xx):
 * a pole's own endpoints bump that pole's data version; accounts, tokens and administration
 * bump the global one; logging in and notifications change nothing cached. Over-invalidating is harmless;
 * missing one would serve stale data, so unknown cases bump everything.
 *
 * On PostgreSQL, where several servers may share the database, every request first applies the
 * bumps the other servers recorded, and a writing request records its own before it answers
 * (cache/shared-versions.ts); a logout is recorded too, so that every server forgets the
 * session it cached. On SQLite nothing more happens: no query is added.
 */
export function bumpEpochs(deps: Pick<AppDeps, 'cache' | 'db'>): MiddlewareHandler<AppEnv> {
  const shared = sharedVersions(deps);
  if (shared) return bumpShared(deps, shared);
  return async (c, next) => {
    try {
      await next();
    } finally {
      if (mayHaveWritten(c.req.method, c.res.status)) {
        const path = new URL(c.req.url).pathname;
        const pole = /^\/api\/poles\/([^/]+)\//.exec(path);
        const cached = pole ? deps.cache.pole(safeDecode(pole[1]!)) : undefined;
        if (cached) deps.cache.epochs.bumpPole(cached.id);
        // Notifications are never cached: reading them or choosing their delivery changes nothing that is.
        else if (path !== '/api/session' && !path.startsWith('/api/notifications/'))
          deps.cache.epochs.bumpAll();
      }
    }
  };
}

/** bumpEpochs on a database shared by several servers. */
function bumpShared(
  deps: Pick<AppDeps, 'cache'>,
  shared: SharedVersions,
): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await shared.catchUp();
    try {
      await next();
    } finally {
      if (mayHaveWritten(c.req.method, c.res.status)) {
        const scope = scopeOf(deps, c.req.method, new URL(c.req.url).pathname);
        if (scope !== null) {
          if (scope === 'sessions') deps.cache.forgetPrincipals();
          else if (scope === 'global') deps.cache.epochs.bumpAll();
          else deps.cache.epochs.bumpPole(scope.pole);
          await shared.publish(scope);
        }
      }
    }
  };
}

/** What a writing request changed (null: nothing cached), as bumpEpochs decides it. */
function scopeOf(deps: Pick<AppDeps, 'cache'>, method: string, path: string): SharedScope | null {
  const pole = /^\/api\/poles\/([^/]+)\//.exec(path);
  const cached = pole ? deps.cache.pole(safeDecode(pole[1]!)) : undefined;
  if (cached) return { pole: cached.id };
  if (path === '/api/session') return method === 'DELETE' ? 'sessions' : null;
  if (path.startsWith('/api/notifications/')) return null;
  return 'global';
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
