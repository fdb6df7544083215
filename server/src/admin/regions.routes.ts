import {
  CreateRegionRequestSchema,
  type RegionResponse,
  type RegionsResponse,
} from '@ptce/shared/admin.schema';
import { Hono } from 'hono';
import { transact } from '../db/engine';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/validate';
import { inBoth } from '../i18n/t';
import { insertRegion, listRegions, regionExists } from './regions.repository';

/** Regions (admin): list with their pole counts, create. */
export function regionsAdminRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) =>
      c.json({ regions: await listRegions(deps.db) } satisfies RegionsResponse, 200),
    )
    .post('/', async (c) => {
      const body = await readJson(c, CreateRegionRequestSchema);
      await transact(deps.db, async (trx) => {
        if (await regionExists(trx, body.code))
          throw new ApiError('CONFLICT', inBoth('admin.regionExists', { region: body.code }));
        await insertRegion(trx, body);
      });
      return c.json(
        { region: { code: body.code, name: body.name, poles: 0 } } satisfies RegionResponse,
        201,
      );
    });
}
