import { constants, gunzipSync, gzipSync } from 'node:zlib';
import type { Context } from 'hono';
import type { AppDeps } from '../http/app-env';
import { answerTurn } from './answer-turns';

/**
 * True when an Accept-Encoding header accepts gzip (browsers, curl --compressed, fetch): gzip
 * named without `q=0`, or else `*` without `q=0` (a named coding overrides `*`).
 */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  let named: boolean | undefined;
  let any: boolean | undefined;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((s) => s.trim().toLowerCase());
    const q = params.find((p) => p.startsWith('q='));
    const accepted = q === undefined || Number(q.slice(2)) > 0;
    if (name === 'gzip' || name === 'x-gzip') named = accepted;
    else if (name === '*') any = accepted;
  }
  return named ?? any ?? false;
}

/** An answer already serialised: its JSON text, sent as is. */
export class JsonText {
  constructor(readonly text: string) {}
}

/**
 * Answers smaller than this are kept and sent as they are: they fit in TCP's initial congestion
 * window (10 segments, ~14 KB) with their headers, so compressing them saves the reader no round
 * trip, and it cost a computed dashboard answer (6 KiB) an eighth of its time on the request
 * thread.
 */
const GZIP_FROM = 12 * 1024;

/** The first byte of a gzip stream (JSON text starts with `{` or `[`). */
const GZIP_MAGIC = 0x1f;

/**
 * Serialises (unless it is a JsonText) an answer and gzips it from GZIP_FROM bytes, into an
 * array of its exact size.
 */
function encode(answer: unknown): Uint8Array<ArrayBuffer> {
  // Gzipped: a cached answer is sent as is to the clients that accept gzip (every browser),
  // ~20× fewer bytes to write and to keep than the JSON text; level 1 because the compression
  // is on the path of a computed answer (116 KiB → 5 KiB in 0.1 ms). Copied: zlib's result is a
  // view on its 16 KiB output block (and a small Buffer one on the shared 8 KiB pool), which a
  // small answer would otherwise keep alive whole.
  const json = Buffer.from(answer instanceof JsonText ? answer.text : JSON.stringify(answer));
  if (json.byteLength < GZIP_FROM) return new Uint8Array(json);
  return new Uint8Array(gzipSync(json, { level: constants.Z_BEST_SPEED }));
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
    // Started at its turn (answer-turns.ts), after the entry is in the map.
    pending = answerTurn()
      .then(compute)
      .then((answer) => {
        const body = encode(answer);
        deps.cache.responses.set(key, body);
        return body;
      })
      .finally(() => inFlight.delete(key));
    inFlight.set(key, pending);
  }
  return pending;
}

/**
 * Answers a read endpoint of a pole from the response cache, or computes, serialises and caches
 * it. The key holds the pole's data version, so the answer after any write is recomputed; the
 * caller has already checked the caller's access (never cached) and names in `extraKey`
 * anything else the answer depends on. Sends an ETag and answers 304
 * to a matching If-None-Match. Answers from GZIP_FROM bytes are kept gzipped and sent so to
 * clients that accept it, unzipped for the others; smaller ones as they are.
 */
export function cachedJson(
  c: Context,
  deps: Pick<AppDeps, 'cache'>,
  poleId: number,
  compute: () => Promise<unknown>,
  /** Whatever else the answer depends on (defaults resolved from the clock, the caller's roles). */
  extraKey = '',
): Promise<Response> {
  return cachedJsonOf(
    c,
    deps,
    String(poleId),
    deps.cache.epochs.poleKey(poleId),
    compute,
    extraKey,
  );
}

/**
 * cachedJson for an answer about something else than one pole (`subject`, e.g. `region:HDF`),
 * whose data version `dataKey` the caller builds from the epochs it depends on.
 */
export async function cachedJsonOf(
  c: Context,
  deps: Pick<AppDeps, 'cache'>,
  subject: string,
  dataKey: string,
  compute: () => Promise<unknown>,
  extraKey = '',
): Promise<Response> {
  const version = `${deps.cache.nonce}.${dataKey}`;
  const key = `${subject}|${version}|${extraKey}|${c.get('lang')}|${c.req.url}`;
  const body = deps.cache.responses.get(key) ?? (await computeOnce(deps, key, compute));
  const etag = `W/"${subject}-${version}-${c.get('lang')}-${body.byteLength}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', 'private, no-cache');
  c.header('Vary', 'Accept-Encoding, Accept-Language');
  if (c.req.header('if-none-match') === etag) return c.body(null, 304);
  c.header('Content-Type', 'application/json; charset=UTF-8');
  if (body[0] !== GZIP_MAGIC) return c.body(body, 200);
  if (acceptsGzip(c.req.header('accept-encoding'))) {
    return c.body(body, 200, { 'Content-Encoding': 'gzip' });
  }
  return c.body(gunzipSync(body), 200);
}
