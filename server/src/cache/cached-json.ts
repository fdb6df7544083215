import type { Context } from 'hono';
import type { AppDeps } from '../http/app-env';

/**
 * Answers a read endpoint of a pole from the response cache, or computes, serialises and caches
 * it. The key holds the pole's data version, so the answer after any write is recomputed; the
 * caller has already checked the caller's access (never cached) and names in `extraKey`
 * anything else the answer depends on. Sends an ETag and answers 304
 * to a matching If-None-Match.
 */
const encoder = new TextEncoder();

export async function cachedJson(
  c: Context,
  deps: Pick<AppDeps, 'cache'>,
  poleId: number,
  compute: () => Promise<unknown>,
  /** Whatever else the answer depends on (defaults resolved from the clock, the caller's roles). */
  extraKey = '',
): Promise<Response> {
  const url = new URL(c.req.url);
  const version = `${deps.cache.nonce}.${deps.cache.epochs.poleKey(poleId)}`;
  const key = `${poleId}|${version}|${extraKey}|${c.get('lang')}|${url.pathname}?${url.searchParams.toString()}`;
  let body = deps.cache.responses.get(key);
  if (body === undefined) {
    // Kept encoded: a cached answer is sent as is, with no string-to-bytes copy per request.
    body = encoder.encode(JSON.stringify(await compute()));
    deps.cache.responses.set(key, body);
  }
  const etag = `W/"${poleId}-${version}-${body.byteLength}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', 'private, no-cache');
  if (c.req.header('if-none-match') === etag) return c.body(null, 304);
  return c.body(body, 200, { 'Content-Type': 'application/json; charset=UTF-8' });
}
