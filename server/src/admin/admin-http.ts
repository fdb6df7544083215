import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { requirePrincipal } from '../auth/auth.middleware';
import { isAdmin } from '../auth/principal';
import { ApiError } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { readJson } from '../http/validate';

/** 401 without a caller, 403 unless the caller is an admin (before any lookup: nothing leaks). */
export const requireAdmin: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (!isAdmin(requirePrincipal(c))) throw new ApiError('FORBIDDEN');
  await next();
};

/** For actions without parameters: no body, or exactly `{}` (anything else is a 400/415). */
export async function readNoBody(c: Context<AppEnv>): Promise<void> {
  const hasBody = (c.req.header('content-length') ?? '0') !== '0' || c.req.header('content-type');
  if (hasBody) await readJson(c, z.strictObject({}));
}
