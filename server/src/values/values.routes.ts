import { quarterIndex } from '@ptce/shared/periods';
import { ratioTermSlices } from '@ptce/shared/slices';
import {
  HistoryQuerySchema,
  SaveValuesRequestSchema,
  type SaveValuesResponse,
  SeriesQuerySchema,
  ValuesQuerySchema,
  type ValuesResponse,
} from '@ptce/shared/values.schema';
import { Hono } from 'hono';
import { requireRole } from '../auth/access';
import { requirePrincipal } from '../auth/auth.middleware';
import { poleAccess } from '../auth/pole-access.middleware';
import { cachedJson, JsonText } from '../cache/cached-json';
import { cachedScopes } from '../cache/cached-scopes';
import { busyOnFailure } from '../exports/read-failure';
import { type HistoryJob, historyText } from '../exports/read-jobs';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson, readQuery } from '../http/validate';
import {
  dashboardValuesJson,
  MAX_STORED_QUARTERS,
  poleSeriesJson,
} from './quarter-totals.repository';
import { saveValues } from './save-values';
import { findValues } from './values.repository';

/** Scope slug → working-group id of a pole, or 404 for an unknown slug. */
async function groupIdOf(deps: AppDeps, poleId: number, scope: string | undefined) {
  if (scope === undefined) return undefined;
  const found = (await cachedScopes(deps, poleId)).find((s) => s.slug === scope);
  if (!found) throw new ApiError('NOT_FOUND');
  return found.id;
}

/** A pole's values: read, save a quarter's batch, and their history. Mounted under /api/poles. */
export function valuesRoutes(deps: AppDeps) {
  const withPole = poleAccess(deps);
  return new Hono<AppEnv>()
    .get('/:pole/values', withPole, async (c) => {
      const { pole } = c.get('access');
      const q = readQuery(c, ValuesQuerySchema);
      const groupId = await groupIdOf(deps, pole.id, q.scope);
      const catalogueTerms = ratioTermSlices(await deps.catalogue.get());
      const terms = q.ratioTerms === 'true' ? catalogueTerms : [];
      const { from, to } = q;
      // The dashboard's read (the totals over a range): from one row per quarter, the same bytes.
      if (
        q.slice === '' &&
        from &&
        to &&
        from <= to &&
        quarterIndex(to) - quarterIndex(from) < MAX_STORED_QUARTERS
      ) {
        const filter = { from, to, groupId, withTerms: q.ratioTerms === 'true' };
        return cachedJson(
          c,
          deps,
          pole.id,
          async () =>
            new JsonText(await dashboardValuesJson(deps.db, pole, filter, catalogueTerms)),
        );
      }
      return cachedJson(
        c,
        deps,
        pole.id,
        async (): Promise<ValuesResponse> => ({
          pole: pole.slug,
          values: await findValues(deps.db, pole.id, { ...q, groupId, terms }),
        }),
      );
    })
    .get('/:pole/series', withPole, async (c) => {
      const { pole } = c.get('access');
      const { from, to } = readQuery(c, SeriesQuerySchema);
      const terms = ratioTermSlices(await deps.catalogue.get());
      return cachedJson(
        c,
        deps,
        pole.id,
        // The scopes from the server's cache (kept current by the global epoch on every server).
        async () =>
          new JsonText(
            await poleSeriesJson(deps.db, pole, from, to, terms, await cachedScopes(deps, pole.id)),
          ),
      );
    })
    .put('/:pole/values', withPole, async (c) => {
      const p = requirePrincipal(c);
      const access = c.get('access');
      requireRole(access, 'coordinator');
      const body = await readJson(c, SaveValuesRequestSchema);
      const catalogue = await deps.catalogue.get();
      const retired = await deps.catalogue.retired();
      const result = await saveValues(
        {
          db: deps.db,
          catalogue,
          retired,
          pole: access.pole,
          userId: p.userId,
          now: deps.now(),
          lang: c.get('lang'),
        },
        body,
      );
      const { blocking: _none, ...answer } = result;
      return c.json({ period: body.period, ...answer } satisfies SaveValuesResponse, 200);
    })
    .get('/:pole/history', withPole, async (c) => {
      const p = requirePrincipal(c);
      const { pole } = c.get('access');
      const q = readQuery(c, HistoryQuerySchema);
      const query = { ...q, groupId: await groupIdOf(deps, pole.id, q.scope) };
      // A page is up to 5 000 changes (~1 MB of JSON): built in the reads pool from a file.
      const text = deps.dbFile
        ? await deps.workers.reads
            .run<string>(
              'history',
              { dbFile: deps.dbFile, poleId: pole.id, query } satisfies HistoryJob,
              String(p.userId),
            )
            .catch(busyOnFailure)
        : await historyText(deps.db, pole.id, query);
      return c.body(text, 200, { 'Content-Type': 'application/json' });
    });
}
