import { constants, gzipSync } from 'node:zlib';
import { Hono } from 'hono';
import { acceptsGzip } from '../cache/cached-json';
import type { AppEnv } from '../http/app-env';

/**
 * Benchmark only (PTCE_BENCH=1): serves from memory the bytes last PUT, through the same Hono
 * stack as the API, so `pnpm bench` can compare an endpoint with the framework's ceiling. Like
 * the cached answers, the bytes are kept gzipped too and sent so to clients that accept it.
 */
export function ceilingRoutes() {
  let body = new Uint8Array();
  let gzipped = new Uint8Array();
  let type = 'application/json';
  return new Hono<AppEnv>()
    .put('/ceiling', async (c) => {
      body = new Uint8Array(await c.req.arrayBuffer());
      gzipped = new Uint8Array(gzipSync(body, { level: constants.Z_BEST_SPEED }));
      type = c.req.header('content-type') ?? type;
      return c.body(null, 204);
    })
    .get('/ceiling', (c) =>
      acceptsGzip(c.req.header('accept-encoding'))
        ? c.body(gzipped, 200, { 'Content-Type': type, 'Content-Encoding': 'gzip' })
        : c.body(body, 200, { 'Content-Type': type }),
    );
}
