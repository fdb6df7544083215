import {
  type CreatedToken,
  CreateTokenRequestSchema,
  type TokensResponse,
} from '@ptce/shared/users.schema';
import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { parseWith, readJson } from '../http/validate';
import { insertToken, listOwnTokens, revokeOwnToken } from './api-tokens.repository';
import { requirePrincipal } from './auth.middleware';
import { requireSession } from './require-session';
import { hashToken, newSecret } from './tokens';

/**
 * The caller's personal API tokens (for `Authorization: Bearer`). The secret is shown once, at
 * creation; only its SHA-256 is stored. Tokens are managed from a session only (a token cannot
 * list, create or revoke tokens: a leaked one cannot spread) and are read-only unless created
 * with `write: true`.
 */
export function tokensRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .use(requireSession)
    .get('/', async (c) => {
      const p = requirePrincipal(c);
      return c.json(
        { tokens: await listOwnTokens(deps.db, p.userId) } satisfies TokensResponse,
        200,
      );
    })
    .post('/', async (c) => {
      const p = requirePrincipal(c);
      const body = await readJson(c, CreateTokenRequestSchema);
      const secret = newSecret('api');
      const now = deps.now();
      const token = await insertToken(deps.db, {
        userId: p.userId,
        name: body.name,
        prefix: secret.slice(0, 11),
        tokenHash: hashToken(secret),
        at: now.toISOString(),
        expiresAt: body.expiresInDays
          ? new Date(now.getTime() + body.expiresInDays * 86_400_000).toISOString()
          : null,
        canWrite: body.write === true,
      });
      return c.json({ token, secret } satisfies CreatedToken, 201);
    })
    .delete('/:id', async (c) => {
      const p = requirePrincipal(c);
      const id = parseWith(
        z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
        c.req.param('id'),
      );
      if (!(await revokeOwnToken(deps.db, id, p.userId, deps.now().toISOString())))
        throw new ApiError('NOT_FOUND');
      return c.body(null, 204);
    });
}
