import {
  NARRATIVE_CONTROL_MESSAGE,
  type Narrative,
  type NarrativeHistory,
  NarrativeHistoryQuerySchema,
  NarrativeSaveRequestSchema,
} from '@ptce/shared/narrative.schema';
import { QuarterSchema } from '@ptce/shared/periods';
import { type Context, Hono } from 'hono';
import { requireRole } from '../auth/access';
import { requirePrincipal } from '../auth/auth.middleware';
import { type PoleEnv, poleAccess } from '../auth/pole-access.middleware';
import { cachedJson } from '../cache/cached-json';
import { cachedScopes } from '../cache/cached-scopes';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { parseWith, readJson, readQuery } from '../http/validate';
import { t } from '../i18n/t';
import {
  findNarrative,
  findNarrativeHistory,
  NARRATIVE_HISTORY_PAGE,
  scopeIds,
} from './narrative.repository';
import { saveNarrative } from './save-narrative';

/** The body of a save, its control-character issues worded in the request's language. */
async function readSave(c: Context<PoleEnv>) {
  try {
    return await readJson(c, NarrativeSaveRequestSchema);
  } catch (err) {
    if (!(err instanceof ApiError) || err.code !== 'VALIDATION_FAILED' || !err.issues) throw err;
    const issues = err.issues.map((i) =>
      i.message === NARRATIVE_CONTROL_MESSAGE
        ? { ...i, code: 'control_character', message: t(c.get('lang'), 'narrative.control') }
        : i,
    );
    throw new ApiError('VALIDATION_FAILED', undefined, issues);
  }
}

/**
 * A quarter's "faits marquants" of a pole: read (every role on the pole), save (its
 * coordinator, or an admin) and its history. Mounted under /api/poles.
 */
export function narrativeRoutes(deps: AppDeps) {
  const withPole = poleAccess(deps);
  const periodOf = (c: Context<PoleEnv>) =>
    parseWith(QuarterSchema, c.req.param('period'), c.get('lang'));
  return new Hono<AppEnv>()
    .get('/:pole/periods/:period/narrative', withPole, async (c) => {
      const { pole } = c.get('access');
      const period = periodOf(c);
      return cachedJson(
        c,
        deps,
        pole.id,
        async (): Promise<Narrative> =>
          findNarrative(deps.db, pole, period, scopeIds(await cachedScopes(deps, pole.id))),
      );
    })
    .put('/:pole/periods/:period/narrative', withPole, async (c) => {
      const p = requirePrincipal(c);
      const access = c.get('access');
      requireRole(access, 'coordinator', 'admin');
      const period = periodOf(c);
      const body = await readSave(c);
      const ctx = { db: deps.db, pole: access.pole, period, userId: p.userId, now: deps.now() };
      const narrative = await saveNarrative({ ...ctx, lang: c.get('lang') }, body);
      return c.json(narrative satisfies Narrative, 200);
    })
    .get('/:pole/periods/:period/narrative/history', withPole, async (c) => {
      const { pole } = c.get('access');
      const period = periodOf(c);
      const { scope, ...page } = readQuery(c, NarrativeHistoryQuerySchema);
      const scopes = await cachedScopes(deps, pole.id);
      const group = scope === undefined ? undefined : scopes.find((s) => s.slug === scope);
      if (scope !== undefined && !group) throw new ApiError('NOT_FOUND');
      return cachedJson(c, deps, pole.id, async (): Promise<NarrativeHistory> => {
        const query = { ...page, groupId: group?.id };
        const changes = await findNarrativeHistory(
          deps.db,
          pole.id,
          period,
          scopeIds(scopes),
          query,
        );
        const full = changes.length === (page.limit ?? NARRATIVE_HISTORY_PAGE);
        return { pole: pole.slug, period, changes, nextBefore: full ? changes.at(-1)!.id : null };
      });
    });
}
