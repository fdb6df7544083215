import type { MiddlewareHandler } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * After every request that may write (any method but GET/HEAD/OPTIONS, whatever its outcome):
 * a pole's own endpoints bump that pole's data version; accounts, tokens and administration
 * bump the global one; logging in and notifications change nothing cached. Over-invalidating is harmless;
 * missing one would serve stale data, so unknown cases bump everything.
 */
export function bumpEpochs(deps: Pick<AppDeps, 'cache'>): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    try {
      await next();
    } finally {
      if (!READS.has(c.req.method)) {
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

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
