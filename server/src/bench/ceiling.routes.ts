import { Hono } from 'hono';
import type { AppEnv } from '../http/app-env';

/**
 * Benchmark only (PTCE_BENCH=1): serves from memory the bytes last PUT, through the same Hono
 * stack as the API, so `pnpm bench` can compare an endpoint with the framework's ceiling.
 */
export function ceilingRoutes() {
  let body = new Uint8Array();
  let type = 'application/json';
  return new Hono<AppEnv>()
    .put('/ceiling', async (c) => {
      body = new Uint8Array(await c.req.arrayBuffer());
      type = c.req.header('content-type') ?? type;
      return c.body(null, 204);
    })
    .get('/ceiling', (c) => c.body(body, 200, { 'Content-Type': type }));
}
