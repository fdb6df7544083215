import { randomBytes } from 'node:crypto';
import http, { type RequestListener } from 'node:http';
import type { AddressInfo } from 'node:net';
import { lastCompleteQuarter, quarterFromIndex, quarterIndex } from '@ptce/shared/periods';
import { SESSION_COOKIE } from '../auth/auth.middleware';
import type { Principal } from '../auth/principal';
import { hashToken } from '../auth/tokens';
import type { AppDeps } from './app-env';

/** What a warm-up did. */
export interface WarmUp {
  /** Requests answered, and how many of them were not a 200. */
  requests: number;
  failed: number;
  /** Poles read at least once, of all. */
  poles: number;
  of: number;
  ms: number;
}

export interface WarmUpOptions {
  /** Stops starting requests after this long (0: no warm-up). */
  budgetMs: number;
  /** Passes over every pole (default 6). */
  rounds?: number;
  /** Concurrent connections (default 16: answers then wait their turns, as under load). */
  connections?: number;
  /** The Host the requests carry: PTCE_PUBLIC_URL's when set (the host guard refuses others). */
  host?: string;
}

/**
 * Before the server listens: every pole's default dashboard (the series of the last 12
 * quarters up to the last complete one, as the web asks it) read `rounds` times through the
 * server's own request listener, on a loopback port of its own that closes after.
 *
 * The first requests after a start otherwise pay for everything cold: V8 runs the whole path
 * (HTTP, routing, middleware, queries, the answer's merge) in its interpreter, and each pole's
 * first read fills its caches (pole, scopes) and the database's pages. Measured on the national
 * dataset (300 poles, no answer cache): a pass over every pole right after a start at 50
 * connections cost 1.7–2.2 ms a request against 0.8 ms for the same pass on a warm server.
 *
 * The requests authenticate as a caller that exists only in this process's memory, for the
 * warm-up's length: an administrator that cannot write, under a random session token that never
 * leaves the process (in no table, not accepted once the warm-up is over). Reads only: a stored
 * quarter found missing is built and stored, as any read does.
 */
export async function warmUp(
  listener: RequestListener,
  deps: Pick<AppDeps, 'db' | 'cache' | 'now'>,
  options: WarmUpOptions,
): Promise<WarmUp> {
  const started = performance.now();
  const result: WarmUp = { requests: 0, failed: 0, poles: 0, of: 0, ms: 0 };
  if (options.budgetMs <= 0) return result;
  const poles = await deps.db.selectFrom('poles').select('slug').orderBy('id').execute();
  result.of = poles.length;
  if (poles.length === 0) return result;

  const to = lastCompleteQuarter(deps.now());
  const from = quarterFromIndex(quarterIndex(to) - 11);
  const token = randomBytes(32).toString('base64url');
  const credential = `s:${hashToken(token)}`;
  const principal: Principal = {
    userId: 0,
    email: 'warm-up@localhost',
    name: 'warm-up',
    grants: [{ role: 'admin', poleId: null, poleSlug: null, regionCode: null }],
    via: 'cookie',
    credential,
    expiresAt: null,
    canWrite: false,
  };
  deps.cache.setPrincipal(credential, principal);
  const server = http.createServer(listener);
  const agent = new http.Agent({ keepAlive: true, maxSockets: options.connections ?? 16 });
  try {
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    const port = (server.address() as AddressInfo).port;
    const headers = {
      host: options.host ?? '127.0.0.1',
      cookie: `${SESSION_COOKIE}=${token}`,
      'accept-encoding': 'gzip',
    };
    const total = poles.length * (options.rounds ?? 6);
    let next = 0;
    const worker = async () => {
      while (next < total && performance.now() - started < options.budgetMs) {
        const i = next++;
        const slug = poles[i % poles.length]!.slug;
        const path = `/api/poles/${encodeURIComponent(slug)}/series?from=${from}&to=${to}`;
        const status = await get(agent, port, path, headers);
        result.requests++;
        if (status !== 200) result.failed++;
        result.poles = Math.max(result.poles, Math.min(i + 1, poles.length));
      }
    };
    await Promise.all(Array.from({ length: options.connections ?? 16 }, worker));
  } finally {
    deps.cache.forgetPrincipal(credential);
    agent.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    result.ms = Math.round(performance.now() - started);
  }
  return result;
}

/** One GET on the loopback port; resolves with its status once its body is read. */
function get(
  agent: http.Agent,
  port: number,
  path: string,
  headers: Record<string, string>,
): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
      res.resume();
      res.once('end', () => resolve(res.statusCode ?? 0));
      res.once('error', reject);
    });
    req.once('error', reject);
  });
}
