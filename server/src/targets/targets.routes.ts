import type { ErrorIssue } from '@ptce/shared/errors.schema';
import { SaveTargetsRequestSchema, TargetsQuerySchema } from '@ptce/shared/targets.schema';
import { Hono } from 'hono';
import { poleForCaller, requireRole } from '../auth/access';
import { requirePrincipal } from '../auth/auth.middleware';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson, readQuery } from '../http/validate';
import { findScopes } from '../poles/poles.repository';
import { findTargets, putTarget } from './targets.repository';

/** Yearly targets: read by everyone in scope, set by the pole's coordinator, all-or-nothing. */
export function targetsRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/:pole/targets', async (c) => {
      const { pole } = await poleForCaller(deps.db, requirePrincipal(c), c.req.param('pole'));
      const { year } = readQuery(c, TargetsQuerySchema);
      return c.json({ year, targets: await findTargets(deps.db, pole.id, year) }, 200);
    })
    .put('/:pole/targets', async (c) => {
      const p = requirePrincipal(c);
      const access = await poleForCaller(deps.db, p, c.req.param('pole'));
      requireRole(access, 'coordinator');
      const body = await readJson(c, SaveTargetsRequestSchema);
      const fr = c.get('lang') === 'fr';
      const byCode = await deps.catalogue.indicators();
      const scopes = new Map((await findScopes(deps.db, access.pole.id)).map((s) => [s.slug, s]));
      const issues: ErrorIssue[] = [];
      const seen = new Set<string>();
      body.targets.forEach((t, i) => {
        const scope = scopes.get(t.scope);
        const ind = byCode.get(t.indicator);
        const fail = (code: string, msg: string) =>
          issues.push({ path: ['targets', i], code, message: msg });
        if (seen.has(`${t.scope}|${t.indicator}`))
          fail('duplicate', fr ? 'Objectif en double.' : 'Duplicate target.');
        seen.add(`${t.scope}|${t.indicator}`);
        if (!scope || !ind || !scope.indicators.includes(t.indicator)) {
          fail(
            'not_tracked',
            fr
              ? `${t.indicator} n’est pas suivi par ${t.scope}.`
              : `${t.indicator} is not tracked by ${t.scope}.`,
          );
        } else if (
          ind.kind === 'ratio' &&
          t.value !== null &&
          (t.value < 0 || t.value > 100 * ind.scale)
        ) {
          fail('range', fr ? 'Objectif hors bornes.' : 'Target out of range.');
        } else if (t.value !== null && t.value < 0) {
          fail(
            'negative',
            fr ? 'Un objectif ne peut pas être négatif.' : 'A target cannot be negative.',
          );
        }
      });
      if (issues.length > 0) throw new ApiError('INVALID_ENTRIES', undefined, issues);
      const at = deps.now().toISOString();
      await deps.db.transaction().execute(async (trx) => {
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
        { year: body.year, targets: await findTargets(deps.db, access.pole.id, body.year) },
        200,
      );
    });
}
