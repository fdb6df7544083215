import {
  CreateGroupRequestSchema,
  SetIndicatorsRequestSchema,
  UpdateScopeRequestSchema,
} from '@ptce/shared/admin.schema';
import type { ScopeResponse } from '@ptce/shared/poles.schema';
import type { Context } from 'hono';
import { Hono } from 'hono';
import { transact } from '../db/engine';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { readJson } from '../http/validate';
import { inBoth, t } from '../i18n/t';
import { findPoleBySlug, findScopes } from '../poles/poles.repository';
import { checkIndicatorCodes } from './check-indicator-codes';
import {
  findScope,
  findTrackedCodes,
  insertGroup,
  renameScope,
  setTrackedIndicators,
} from './scopes-admin.repository';

/**
 * A pole's scopes (admin), under `/poles/{pole}/scopes`: add a working group, rename a scope,
 * set the indicators a scope tracks. Slugs never change: they are slice members and URLs.
 */
export function scopesAdminRoutes(deps: AppDeps) {
  const poleOf = async (c: Context<AppEnv>) => {
    const pole = await findPoleBySlug(deps.db, c.req.param('pole') ?? '');
    if (!pole) throw new ApiError('NOT_FOUND');
    return pole;
  };
  const scopeBody = async (poleId: number, groupId: number) =>
    (await findScopes(deps.db, poleId))
      .filter((s) => s.id === groupId)
      .map(({ id: _id, ...s }) => s)[0]!;
  /**
   * Throws 422 listing the codes that cannot be tracked, given those `tracked` already.
   * The catalogue is read before any transaction: SQLite has one connection, and the cache
   * reads through `deps.db`, which would wait for the open transaction forever.
   */
  const codeChecker = async (c: Context<AppEnv>) => {
    const known = new Set((await deps.catalogue.indicators()).keys());
    const retired = await deps.catalogue.retired();
    return (codes: string[], tracked: string[]) => {
      const issues = checkIndicatorCodes(
        codes,
        { known, retired, tracked: new Set(tracked) },
        c.get('lang'),
      );
      if (issues.length > 0) throw new ApiError('INVALID_ENTRIES', undefined, issues);
    };
  };

  return new Hono<AppEnv>()
    .post('/:pole/scopes', async (c) => {
      const pole = await poleOf(c);
      const body = await readJson(c, CreateGroupRequestSchema);
      const { dimensions } = await deps.catalogue.get();
      if (dimensions.some((d) => d.poleGroups && d.members.some((m) => m.code === body.slug)))
        throw new ApiError('VALIDATION_FAILED', undefined, [
          {
            path: ['slug'],
            code: 'reserved',
            message: t(c.get('lang'), 'admin.reservedSlug', { slug: body.slug }),
          },
        ]);
      (await codeChecker(c))(body.indicators ?? [], []);
      const id = await transact(deps.db, async (trx) => {
        if (await findScope(trx, pole.id, body.slug))
          throw new ApiError('CONFLICT', inBoth('admin.groupExists', { group: body.slug }));
        const groupId = await insertGroup(trx, pole.id, body);
        await setTrackedIndicators(trx, groupId, body.indicators ?? []);
        return groupId;
      });
      return c.json({ scope: await scopeBody(pole.id, id) } satisfies ScopeResponse, 201);
    })
    .patch('/:pole/scopes/:scope', async (c) => {
      const pole = await poleOf(c);
      const scope = await findScope(deps.db, pole.id, c.req.param('scope'));
      if (!scope) throw new ApiError('NOT_FOUND');
      const body = await readJson(c, UpdateScopeRequestSchema);
      await renameScope(deps.db, scope.id, body.name);
      return c.json({ scope: await scopeBody(pole.id, scope.id) } satisfies ScopeResponse, 200);
    })
    .put('/:pole/scopes/:scope/indicators', async (c) => {
      const pole = await poleOf(c);
      const scope = await findScope(deps.db, pole.id, c.req.param('scope'));
      if (!scope) throw new ApiError('NOT_FOUND');
      const body = await readJson(c, SetIndicatorsRequestSchema);
      const assertCodes = await codeChecker(c);
      await transact(deps.db, async (trx) => {
        assertCodes(body.indicators, await findTrackedCodes(trx, scope.id));
        await setTrackedIndicators(trx, scope.id, body.indicators);
      });
      return c.json({ scope: await scopeBody(pole.id, scope.id) } satisfies ScopeResponse, 200);
    });
}
