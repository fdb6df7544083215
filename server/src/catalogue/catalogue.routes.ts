import type { CatalogueResponse } from '@ptce/shared/catalogue.schema';
import { Hono } from 'hono';
import type { AppDeps, AppEnv } from '../http/app-env';

/** The indicator catalogue: public, it holds no pole data. */
export function catalogueRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/', async (c) => {
    c.header('Cache-Control', 'no-cache');
    // `retired`: codes that left the catalogue but still label stored values.
    return c.json(
      {
        ...(await deps.catalogue.get()),
        retired: [...(await deps.catalogue.retired())],
      } satisfies CatalogueResponse,
      200,
    );
  });
}
