import http from 'node:http';
import path from 'node:path';
import { getRequestListener } from '@hono/node-server';
import { createApp } from './app';
import { noteConnection } from './cache/answer-turns';
import { type Env, readEnv } from './env';
import { trackInFlight } from './http/in-flight';
import { gateLogins } from './http/login-gate';
import { warmUp } from './http/warm-up';
import { loadWebAssets, serveWebAssets } from './http/web-assets';
import { openInstance } from './instance';

/** The database in the logs: the SQLite file, or the PostgreSQL URL without its password. */
function describeTarget(env: Env): string {
  if (!env.PTCE_DATABASE_URL) return env.PTCE_DB;
  const u = new URL(env.PTCE_DATABASE_URL);
  if (u.password) u.password = '***';
  return `${u.toString()} (PostgreSQL)`;
}

/** Starts the server: API under /api, the built web app everywhere else. */
async function main(): Promise<void> {
  const env = readEnv();
  const instance = await openInstance(env);
  const app = createApp(instance.deps);
  const webDist = path.resolve(
    env.PTCE_WEB_DIST ?? path.join(import.meta.dirname, '../../web/dist'),
  );
  // Read once, served from memory: never the disk nor zlib on a request (see http/web-assets.ts).
  const assets = loadWebAssets(webDist);
  if (assets) app.get('*', serveWebAssets(assets));
  for (const warning of settingsWarnings(env)) console.warn(`[ptce-suivi] warning: ${warning}`);
  if (instance.created) console.log(`[ptce-suivi] new database ${describeTarget(env)}`);
  const { added, updated, retired } = instance.catalogue;
  console.log(
    `[ptce-suivi] catalogue: ${added.length} added, ${updated.length} updated, ${retired.length} retired`,
  );
  if (instance.demoAccounts.length > 0) {
    console.log('[ptce-suivi] demo accounts (passwords shown once, keep them):');
    for (const a of instance.demoAccounts)
      console.log(`  ${a.email.padEnd(34)} ${a.password}   (${a.roles})`);
  }
  // Logins are admitted (or refused at once) before the app sees them: http/login-gate.ts.
  const listener = getRequestListener(app.fetch, { hostname: env.HOST });
  const inFlight = trackInFlight(listener);
  const requests = gateLogins(instance.deps, inFlight.listener);
  await warmBeforeListening(requests, instance.deps, env);
  const server = http.createServer(requests);
  // A turn that accepted a connection lets the next ones in before an answer (answer-turns.ts).
  server.on('connection', noteConnection);
  server.listen(env.PORT, env.HOST, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : env.PORT;
    const publicUrl = env.PTCE_PUBLIC_URL ? `, served as ${env.PTCE_PUBLIC_URL.origin}` : '';
    console.log(`[ptce-suivi] listening on http://localhost:${port}${publicUrl}`);
    if (!env.PTCE_PUBLIC_URL) instance.notifier.useBaseUrl(`http://localhost:${port}`);
    instance.notifier.start();
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[ptce-suivi] ${signal}: stopping`);
    // No new connection; the open ones end with their requests, then the database closes once
    // every handler has ended (one whose client went away may still be computing).
    server.close(async () => {
      await inFlight.ended();
      await instance.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

/** The warm-up (http/warm-up.ts): never a reason not to start; its outcome in one line. */
async function warmBeforeListening(
  requests: http.RequestListener,
  deps: Parameters<typeof warmUp>[1],
  env: Env,
): Promise<void> {
  try {
    const w = await warmUp(requests, deps, {
      budgetMs: env.PTCE_WARM_UP_MS,
      host: env.PTCE_PUBLIC_URL?.host,
    });
    if (w.requests > 0)
      console.log(
        `[ptce-suivi] warm-up: ${w.requests} reads of ${w.poles} of ${w.of} poles in ${w.ms} ms${w.failed ? ` (${w.failed} not answered 200)` : ''}`,
      );
  } catch (err) {
    console.warn(
      `[ptce-suivi] warning: warm-up stopped: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
}

const LOOPBACK = new Set(['127.0.0.1', 'localhost', '::1']);

/** What the settings leave open: a server reachable from the network without its public URL. */
function settingsWarnings(env: Env): string[] {
  if (env.PTCE_PUBLIC_URL) return [];
  const out: string[] = [];
  if (!LOOPBACK.has(env.HOST))
    out.push(
      `HOST=${env.HOST} listens beyond this machine without PTCE_PUBLIC_URL: only localhost and IP addresses are served; set PTCE_PUBLIC_URL (docs/deploy.md)`,
    );
  if (env.PTCE_TRUST_PROXY)
    out.push('PTCE_TRUST_PROXY=1 without PTCE_PUBLIC_URL: set the URL the proxy serves');
  if (env.PTCE_SMTP_URL)
    out.push('PTCE_SMTP_URL without PTCE_PUBLIC_URL: e-mails link to http://localhost');
  return out;
}

main().catch((err) => {
  console.error(`[ptce-suivi] cannot start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
