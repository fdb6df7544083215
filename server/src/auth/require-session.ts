import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../http/api-error';
import type { AppEnv } from '../http/app-env';
import { inBoth } from '../i18n/t';
import { requirePrincipal } from './auth.middleware';

/**
 * Accounts, memberships, passwords and tokens are managed from a session (a password typed in
 * a browser), never with an API token, even an admin's write token: a leaked token cannot
 * create an account, reset a password or mint more tokens. 401 anonymous, 403 for a token.
 */
export const requireSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (requirePrincipal(c).via !== 'cookie')
    throw new ApiError('FORBIDDEN', inBoth('auth.sessionRequired'));
  await next();
};
