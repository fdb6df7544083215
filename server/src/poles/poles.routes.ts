import { Hono } from 'hono';
import { poleForCaller, visiblePoleIds } from '../auth/access';
import { requirePrincipal } from '../auth/auth.middleware';
import type { AppDeps, AppEnv } from '../http/app-env';
import { findScopes, listPoles } from './poles.repository';

/** The poles in the caller's scope; one pole with its scopes and tracked indicators. */
export function polesRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const p = requirePrincipal(c);
      const poles = await listPoles(deps.db, await visiblePoleIds(deps.db, p));
      return c.json({ poles }, 200);
    })
    .get('/:pole', async (c) => {
      const p = requirePrincipal(c);
      const { pole, roles } = await poleForCaller(deps.db, p, c.req.param('pole'));
      const [summary] = await listPoles(deps.db, [pole.id]);
      const scopes = (await findScopes(deps.db, pole.id)).map(({ id: _id, ...s }) => s);
      return c.json({ ...summary!, scopes, roles: [...roles] }, 200);
    });
}
