import { periodsRange } from '@ptce/shared/default-ranges';
import { compareQuarters, QuarterSchema, quarterIndex } from '@ptce/shared/periods';
import { QUALITY_WEIGHTS } from '@ptce/shared/quality';
import {
  MAX_QUALITY_QUARTERS,
  type PeriodQualityResponse,
  QualityQuerySchema,
  type RegionQualityResponse,
} from '@ptce/shared/quality.schema';
import { Hono } from 'hono';
import { requirePrincipal } from '../auth/auth.middleware';
import { poleAccess } from '../auth/pole-access.middleware';
import { isAdmin } from '../auth/principal';
import { cachedJson } from '../cache/cached-json';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { parseWith, readQuery } from '../http/validate';
import { t } from '../i18n/t';
import { computeQuality } from './compute-quality';
import { findRegionPoles } from './quality.repository';

/**
 * Data quality: per pole and quarter of a region (`GET /regions/{region}/quality`, the region's
 * CRESS and admins; any other caller and an unknown region get the same 404), and of one pole's
 * quarter (`GET /poles/{pole}/periods/{period}/quality`, whoever sees the pole). Mounted at /api.
 */
export function qualityRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/regions/:region/quality', async (c) => {
      const p = requirePrincipal(c);
      const code = c.req.param('region');
      const mayRead =
        isAdmin(p) || p.grants.some((g) => g.role === 'cress' && g.regionCode === code);
      const found = mayRead ? await findRegionPoles(deps.db, code) : undefined;
      if (!found) throw new ApiError('NOT_FOUND');
      const q = readQuery(c, QualityQuerySchema);
      const { from, to } = periodsRange(deps.now(), q);
      if (
        compareQuarters(from, to) > 0 ||
        quarterIndex(to) - quarterIndex(from) >= MAX_QUALITY_QUARTERS
      )
        throw new ApiError('VALIDATION_FAILED', undefined, [
          {
            path: ['from'],
            code: 'too_big',
            message: t(c.get('lang'), 'quality.range', { max: MAX_QUALITY_QUARTERS }),
          },
        ]);
      const answer: RegionQualityResponse = {
        region: found.region,
        from,
        to,
        deadlineDays: deps.deadlineDays,
        weights: { ...QUALITY_WEIGHTS },
        poles: await computeQuality(deps, found.poles, from, to),
      };
      return c.json(answer, 200);
    })
    .get('/poles/:pole/periods/:period/quality', poleAccess(deps), async (c) => {
      const { pole } = c.get('access');
      const period = parseWith(QuarterSchema, c.req.param('period'));
      // Timeliness turns late when a deadline day ends: the day is part of the answer's key.
      const today = deps.now().toISOString().slice(0, 10);
      return cachedJson(
        c,
        deps,
        pole.id,
        async (): Promise<PeriodQualityResponse> => {
          const [one] = await computeQuality(deps, [pole], period, period);
          return {
            pole: pole.slug,
            deadlineDays: deps.deadlineDays,
            weights: { ...QUALITY_WEIGHTS },
            quality: one!.quarters[0]!,
          };
        },
        today,
      );
    });
}
