import type { MiddlewareHandler } from 'hono';
import { inBoth } from '../i18n/t';
import { ApiError } from './api-error';
import type { AppEnv } from './app-env';
import { hostAllowed, isHttps, type OriginSettings } from './origins';
import { JSON_TYPE } from './validate';

/** HSTS for a year and the subdomains: sent over https only (browsers ignore it over http). */
const HSTS = 'max-age=31536000; includeSubDomains';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Refuses (400 BAD_REQUEST) a request for a host the server does not serve (`hostAllowed`):
 * with PTCE_PUBLIC_URL, any other Host; without, a name other than `localhost` or an IP
 * literal. Closes DNS rebinding: a page whose name now points here never reads an answer.
 */
export function hostGuard(s: OriginSettings): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!hostAllowed(c, s)) {
      const host = (c.req.header('host') ?? '').slice(0, 100);
      throw new ApiError('BAD_REQUEST', inBoth('http.wrongHost', { host }));
    }
    await next();
  };
}

/**
 * Refuses (415) an unsafe request that carries a body, or names a type, other than JSON: an
 * HTML form (`text/plain`, urlencoded, multipart) never reaches a JSON route, even one that
 * reads no body. Requests without body nor Content-Type (or an empty one) pass.
 */
export const jsonBodiesOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (UNSAFE.has(c.req.method)) {
    const type = c.req.header('content-type');
    const length = c.req.header('content-length');
    const hasBody =
      (type !== undefined && type.trim() !== '') ||
      (length !== undefined && length.trim() !== '0') ||
      c.req.header('transfer-encoding') !== undefined;
    if (hasBody && !JSON_TYPE.test(type ?? '')) throw new ApiError('UNSUPPORTED_MEDIA_TYPE');
  }
  await next();
};

/**
 * Answer headers that depend on the transport and the caller: HSTS over https only (as seen
 * through PTCE_PUBLIC_URL or X-Forwarded-Proto behind a trusted proxy); `Cache-Control:
 * private, no-cache` on the JSON answers to an authenticated caller, unless the route chose its
 * own (exports: no-store; cached reads: their ETag with the same policy).
 */
export function answerHeaders(s: OriginSettings): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    if (isHttps(c, s)) headers.set('Strict-Transport-Security', HSTS);
    if (
      c.get('principal') &&
      !headers.has('cache-control') &&
      (c.res.status === 304 || /^application\/json\b/i.test(headers.get('content-type') ?? ''))
    ) {
      headers.set('Cache-Control', 'private, no-cache');
    }
  };
}
