import type { PoleDetail, PolesResponse } from '@ptce/shared/poles.schema';
import { Hono } from 'hono';
import { visiblePoleIds } from '../auth/access';
import { requirePrincipal } from '../auth/auth.middleware';
import { poleAccess } from '../auth/pole-access.middleware';
import { cachedJson } from '../cache/cached-json';
import { cachedScopes } from '../cache/cached-scopes';
import type { AppDeps, AppEnv } from '../http/app-env';
import { listPoles } from './poles.repository';

/** The poles in the caller's scope; one pole with its scopes and tracked indicators. */
export function polesRoutes(deps: AppDeps) {
  const withPole = poleAccess(deps);
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const p = requirePrincipal(c);
      const poles = await listPoles(deps.db, await visiblePoleIds(deps.db, p));
      return c.json({ poles } satisfies PolesResponse, 200);
    })
    .get('/:pole', withPole, async (c) => {
      const { pole, roles } = c.get('access');
      const mine = [...roles].sort();
      return cachedJson(
        c,
        deps,
        pole.id,
        async (): Promise<PoleDetail> => {
          const [summary] = await listPoles(deps.db, [pole.id]);
          const scopes = (await cachedScopes(deps, pole.id)).map(({ id: _id, ...s }) => s);
          return { ...summary!, scopes, roles: mine };
        },
        mine.join(','),
      );
    });
}
