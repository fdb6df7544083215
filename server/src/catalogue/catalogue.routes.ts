import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';

/** The indicator catalogue: public, it holds no pole data. */
export function catalogueRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    c.header('Cache-Control', 'no-cache');
    return c.json(await deps.catalogue.get(), 200);
  });
}
