import { IdSchema, TokensQuerySchema } from '@ptce/shared/admin.schema';
import type { OwnedTokensResponse } from '@ptce/shared/users.schema';
import { Hono } from 'hono';
import { requireSession } from '../auth/require-session';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { parseWith, readQuery } from '../http/validate';
import { listTokens, revokeToken } from './tokens-admin.repository';

/** Every user's API tokens (admin, from a session): list (`?user=` filters), revoke any. */
export function tokensAdminRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(requireSession)
    .get('/', async (c) => {
      const q = readQuery(c, TokensQuerySchema);
      return c.json(
        { tokens: await listTokens(deps.db, { userId: q.user }) } satisfies OwnedTokensResponse,
        200,
      );
    })
    .delete('/:id', async (c) => {
      const id = parseWith(IdSchema, c.req.param('id'));
      if (!(await revokeToken(deps.db, id, deps.now().toISOString())))
        throw new ApiError('NOT_FOUND');
      return c.body(null, 204);
    });
}
