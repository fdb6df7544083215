import fs from 'node:fs';
import path from 'node:path';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { compress } from 'hono/compress';
import { createApp } from './app';
import { readEnv } from './env';
import { openInstance } from './instance';

/** Starts the server: API under /api, the built web app everywhere else. */
async function main(): Promise<void> {
  const env = readEnv();
  const instance = await openInstance(env);
  const app = createApp(instance.deps);
  const webDist = path.resolve(
    env.PTCE_WEB_DIST ?? path.join(import.meta.dirname, '../../web/dist'),
  );
  if (fs.existsSync(path.join(webDist, 'index.html'))) {
    const root = path.relative(process.cwd(), webDist);
    const index = fs.readFileSync(path.join(webDist, 'index.html'), 'utf8');
    // The app's assets travel gzipped (JS is ~3× smaller); read answers of the API are kept
    // gzipped by their cache (cache/cached-json.ts).
    app.use('/assets/*', compress());
    app.use(
      '/assets/*',
      serveStatic({
        root,
        onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable'),
      }),
    );
    app.use('*', serveStatic({ root }));
    app.get('*', (c) => c.html(index));
  }
  if (instance.created) console.log(`[ptce-suivi] new database ${env.PTCE_DB}`);
  const { added, updated, retired } = instance.catalogue;
  console.log(
    `[ptce-suivi] catalogue: ${added.length} added, ${updated.length} updated, ${retired.length} retired`,
  );
  if (instance.demoAccounts.length > 0) {
    console.log('[ptce-suivi] demo accounts (passwords shown once, keep them):');
    for (const a of instance.demoAccounts)
      console.log(`  ${a.email.padEnd(34)} ${a.password}   (${a.roles})`);
  }
  const server = serve({ fetch: app.fetch, port: env.PORT, hostname: env.HOST }, (info) => {
    console.log(`[ptce-suivi] listening on http://localhost:${info.port}`);
  });
  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`[ptce-suivi] ${signal}: stopping`);
    server.close(async () => {
      await instance.close();
      process.exit(0);
    });
    setTimeout(() => process.exit(0), 5000).unref();
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((err) => {
  console.error(`[ptce-suivi] cannot start: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
