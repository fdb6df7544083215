import { CreateTokenRequestSchema } from '@ptce/shared/users.schema';
import { Hono } from 'hono';
import { z } from 'zod';
import { ApiError } from '../http/api-error';
import type { AppDeps, AppEnv } from '../http/app-env';
import { parseWith, readJson } from '../http/validate';
import { requirePrincipal } from './auth.middleware';
import { hashToken, newSecret } from './tokens';

const columns = [
  'id',
  'name',
  'prefix',
  'created_at',
  'last_used_at',
  'expires_at',
  'revoked_at',
  'can_write',
] as const;
const toToken = (r: {
  id: number;
  name: string;
  prefix: string;
  created_at: string;
  last_used_at: string | null;
  expires_at: string | null;
  revoked_at: string | null;
  can_write: number;
}) => ({
  id: r.id,
  name: r.name,
  prefix: r.prefix,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  expiresAt: r.expires_at,
  revokedAt: r.revoked_at,
  canWrite: r.can_write === 1,
});

/**
 * The caller's personal API tokens (for `Authorization: Bearer`). The secret is shown once, at
 * creation; only its SHA-256 is stored. Tokens cannot create tokens (a leaked one cannot spread)
 * and are read-only unless created with `write: true`.
 */
export function tokensRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const p = requirePrincipal(c);
      const rows = await deps.db
        .selectFrom('api_tokens')
        .select(columns)
        .where('user_id', '=', p.userId)
        .orderBy('id', 'desc')
        .execute();
      return c.json({ tokens: rows.map(toToken) }, 200);
    })
    .post('/', async (c) => {
      const p = requirePrincipal(c);
      if (p.via !== 'cookie') throw new ApiError('FORBIDDEN');
      const body = await readJson(c, CreateTokenRequestSchema);
      const secret = newSecret('api');
      const now = deps.now();
      const expiresAt = body.expiresInDays
        ? new Date(now.getTime() + body.expiresInDays * 86_400_000).toISOString()
        : null;
      const row = await deps.db
        .insertInto('api_tokens')
        .values({
          user_id: p.userId,
          name: body.name,
          prefix: secret.slice(0, 11),
          token_hash: hashToken(secret),
          created_at: now.toISOString(),
          last_used_at: null,
          expires_at: expiresAt,
          revoked_at: null,
          can_write: body.write ? 1 : 0,
        })
        .returning(columns)
        .executeTakeFirstOrThrow();
      return c.json({ token: toToken(row), secret }, 201);
    })
    .delete('/:id', async (c) => {
      const p = requirePrincipal(c);
      const id = parseWith(
        z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER),
        c.req.param('id'),
      );
      const res = await deps.db
        .updateTable('api_tokens')
        .set({ revoked_at: deps.now().toISOString() })
        .where('id', '=', id)
        .where('user_id', '=', p.userId)
        .where('revoked_at', 'is', null)
        .executeTakeFirst();
      if (Number(res.numUpdatedRows) === 0) throw new ApiError('NOT_FOUND');
      return c.body(null, 204);
    });
}
