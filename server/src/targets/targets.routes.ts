import {
  SaveTargetsRequestSchema,
  TargetsQuerySchema,
  type TargetsResponse,
} from '@ptce/shared/targets.schema';
import { Hono } from 'hono';
import { requireRole } from '../auth/access';
import { requirePrincipal } from '../auth/auth.middleware';
import { poleAccess } from '../auth/pole-access.middleware';
import { transact } from '../db/engine';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson, readQuery } from '../http/validate';
import { findScopes } from '../poles/poles.repository';
import { checkTargets } from './check-targets';
import { findTargets, putTarget } from './targets.repository';

/** Yearly targets: read by everyone in scope, set by the pole's coordinator, all-or-nothing. */
export function targetsRoutes(deps: AppDeps) {
  const withPole = poleAccess(deps);
  return new Hono<AppEnv>()
    .get('/:pole/targets', withPole, async (c) => {
      const { pole } = c.get('access');
      const { year } = readQuery(c, TargetsQuerySchema);
      return c.json(
        { year, targets: await findTargets(deps.db, pole.id, year) } satisfies TargetsResponse,
        200,
      );
    })
    .put('/:pole/targets', withPole, async (c) => {
      const p = requirePrincipal(c);
      const access = c.get('access');
      requireRole(access, 'coordinator');
      const body = await readJson(c, SaveTargetsRequestSchema);
      const scopeRows = await findScopes(deps.db, access.pole.id);
      const issues = checkTargets(body.targets, {
        scopes: scopeRows,
        byCode: await deps.catalogue.indicators(),
        retired: await deps.catalogue.retired(),
        lang: c.get('lang'),
      });
      const scopes = new Map(scopeRows.map((s) => [s.slug, s]));
      if (issues.length > 0) throw new ApiError('INVALID_ENTRIES', undefined, issues);
      const at = deps.now().toISOString();
      await transact(deps.db, async (trx) => {
        for (const t of body.targets) {
          await putTarget(trx, {
            groupId: scopes.get(t.scope)!.id,
            indicator: t.indicator,
            year: body.year,
            value: t.value,
            by: p.userId,
            at,
          });
        }
      });
      return c.json(
        {
          year: body.year,
          targets: await findTargets(deps.db, access.pole.id, body.year),
        } satisfies TargetsResponse,
        200,
      );
    });
}
