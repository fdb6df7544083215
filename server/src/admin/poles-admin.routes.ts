import { CreatePoleRequestSchema, UpdatePoleRequestSchema } from '@ptce/shared/admin.schema';
import type { PoleResponse } from '@ptce/shared/poles.schema';
import { type Context, Hono } from 'hono';
import { transact } from '../db/engine';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/validate';
import { inBoth, t } from '../i18n/t';
import { findPoleBySlug } from '../poles/poles.repository';
import { findPoleDetail, insertPole, updatePole } from './poles-admin.repository';
import { regionExists } from './regions.repository';

/** Poles (admin): create one (with its pole scope), change its name, territory or region. */
export function polesAdminRoutes(deps: AppDeps) {
  const unknownRegion = (c: Context<AppEnv>, code: string) =>
    new ApiError('INVALID_ENTRIES', undefined, [
      {
        path: ['region'],
        code: 'unknown_region',
        message: t(c.get('lang'), 'admin.unknownRegion', { region: code }),
      },
    ]);
  return new Hono<AppEnv>()
    .post('/', async (c) => {
      const body = await readJson(c, CreatePoleRequestSchema);
      const id = await transact(deps.db, async (trx) => {
        if (!(await regionExists(trx, body.region))) throw unknownRegion(c, body.region);
        if (await findPoleBySlug(trx, body.slug))
          throw new ApiError('CONFLICT', inBoth('admin.poleExists', { pole: body.slug }));
        return insertPole(trx, {
          slug: body.slug,
          name: body.name,
          territory: body.territory,
          regionCode: body.region,
          at: deps.now().toISOString(),
        });
      });
      return c.json({ pole: await findPoleDetail(deps.db, id) } satisfies PoleResponse, 201);
    })
    .patch('/:pole', async (c) => {
      const pole = await findPoleBySlug(deps.db, c.req.param('pole'));
      if (!pole) throw new ApiError('NOT_FOUND');
      const body = await readJson(c, UpdatePoleRequestSchema);
      await transact(deps.db, async (trx) => {
        if (body.region && !(await regionExists(trx, body.region)))
          throw unknownRegion(c, body.region);
        await updatePole(trx, pole.id, { ...body, regionCode: body.region });
      });
      return c.json({ pole: await findPoleDetail(deps.db, pole.id) } satisfies PoleResponse, 200);
    });
}
