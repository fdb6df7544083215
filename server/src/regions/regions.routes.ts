import { dashboardRange } from '@ptce/shared/default-ranges';
import { MAX_RANGE_QUARTERS, quarterIndex } from '@ptce/shared/periods';
import {
  RegionValuesQuerySchema,
  type RegionValuesResponse,
} from '@ptce/shared/region-values.schema';
import { Hono } from 'hono';
import { requirePrincipal } from '../auth/auth.middleware';
import { cachedJsonOf } from '../cache/cached-json';
import { cachedScopes } from '../cache/cached-scopes';
import { busyOnFailure } from '../exports/read-failure';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readQuery } from '../http/validate';
import { t } from '../i18n/t';
import { regionForCaller } from './region-access';
import type { RegionValuesJob } from './region-jobs';
import { type RegionValuesInput, regionValues } from './region-values';

/** A region's dashboard figures, for its CRESS and the admins. Mounted under /api/regions. */
export function regionsRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().get('/:region/values', async (c) => {
    const p = requirePrincipal(c);
    const { poles, ...region } = await regionForCaller(deps, p, c.req.param('region'));
    const q = readQuery(c, RegionValuesQuerySchema);
    const { from, to } = dashboardRange(deps.now(), q);
    const span = quarterIndex(to) - quarterIndex(from);
    if (span < 0 || span >= MAX_RANGE_QUARTERS) {
      throw new ApiError('VALIDATION_FAILED', undefined, [
        {
          path: ['from'],
          code: 'range',
          message: t(c.get('lang'), 'exports.range', { max: MAX_RANGE_QUARTERS }),
        },
      ]);
    }
    if (q.indicators) {
      const known = new Set((await deps.catalogue.get()).indicators.map((i) => i.code));
      const unknown = q.indicators.filter((code) => !known.has(code));
      if (unknown.length > 0)
        throw new ApiError('VALIDATION_FAILED', undefined, [
          {
            path: ['indicators'],
            code: 'unknown',
            message: t(c.get('lang'), 'regions.unknownIndicators', { codes: unknown.join(', ') }),
          },
        ]);
    }
    // The answer changes with any write to one of the region's poles (their epochs).
    const dataKey = deps.cache.epochs.polesKey(poles.map((pole) => pole.id));
    return cachedJsonOf(
      c,
      deps,
      `region:${region.code}`,
      dataKey,
      async (): Promise<RegionValuesResponse> => {
        const input: RegionValuesInput = {
          catalogue: await deps.catalogue.get(),
          region,
          poles: await Promise.all(
            poles.map(async (pole) => ({ pole, scopes: await cachedScopes(deps, pole.id) })),
          ),
          from,
          to,
          by: q.by,
          indicators: q.indicators,
        };
        // Off the request thread when the database is a file (see regions/region-jobs.ts).
        return deps.dbFile
          ? deps.workers.reads
              .run<RegionValuesResponse>(
                'region-values',
                { dbFile: deps.dbFile, input } satisfies RegionValuesJob,
                String(p.userId),
              )
              .catch(busyOnFailure)
          : regionValues(deps.db, input);
      },
      `${from}-${to}${q.indicators ? `-${[...new Set(q.indicators)].sort().join(',')}` : ''}`,
    );
  });
}
