import { constants, gunzipSync, gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import type { AppDeps } from '../http/app-env';

/**
 * True when an Accept-Encoding header accepts gzip (browsers, curl --compressed, fetch): not
 * absent, not refused with `q=0`.
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    if (name !== 'gzip' && name !== 'x-gzip' && name !== '*') continue;
    const q = params.find((p) => p.startsWith('q='));
    return q === undefined || Number(q.slice(2)) > 0;
  }
  return false;
}

/** Computes a missing answer once, however many requests ask for it meanwhile. */
function computeOnce(
  deps: Pick<AppDeps, 'cache'>,
  key: string,
  compute: () => Promise<unknown>,
): Promise<Uint8Array<ArrayBuffer>> {
  const inFlight = deps.cache.computing;
  let pending = inFlight.get(key);
  if (pending === undefined) {
    pending = (async () => {
      try {
        // Kept gzipped: a cached answer is sent as is to the clients that accept gzip (every
        // browser), ~20× fewer bytes to write and to keep than the JSON text; level 1 because
        // the compression is on the path of a computed answer (116 KiB → 5 KiB in 0.1 ms).
        const json = Buffer.from(JSON.stringify(await compute()));
        const body = gzipSync(json, { level: constants.Z_BEST_SPEED });
        deps.cache.responses.set(key, body);
        return body;
      } finally {
        inFlight.delete(key);
      }
    })();
    inFlight.set(key, pending);
  }
  return pending;
}

/**
 * Answers a read endpoint of a pole from the response cache, or computes, serialises and caches
 * it. The key holds the pole's data version, so the answer after any write is recomputed; the
 * caller has already checked the caller's access (never cached) and names in `extraKey`
 * anything else the answer depends on. Sends an ETag and answers 304
 * to a matching If-None-Match. Answers are kept gzipped and sent so to clients that accept it,
 * unzipped for the others.
 */
export async function cachedJson(
  c: Context,
  deps: Pick<AppDeps, 'cache'>,
  poleId: number,
  compute: () => Promise<unknown>,
  /** Whatever else the answer depends on (defaults resolved from the clock, the caller's roles). */
  extraKey = '',
): Promise<Response> {
  const version = `${deps.cache.nonce}.${deps.cache.epochs.poleKey(poleId)}`;
  const key = `${poleId}|${version}|${extraKey}|${c.get('lang')}|${c.req.url}`;
  const body = deps.cache.responses.get(key) ?? (await computeOnce(deps, key, compute));
  const etag = `W/"${poleId}-${version}-${body.byteLength}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', 'private, no-cache');
  c.header('Vary', 'Accept-Encoding');
  if (c.req.header('if-none-match') === etag) return c.body(null, 304);
  c.header('Content-Type', 'application/json; charset=UTF-8');
  if (acceptsGzip(c.req.header('accept-encoding'))) {
    return c.body(body, 200, { 'Content-Encoding': 'gzip' });
  }
  return c.body(gunzipSync(body), 200);
}
