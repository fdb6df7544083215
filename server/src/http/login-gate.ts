import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import type { Lang } from '@ptce/shared/error-messages';
import { busy } from '../auth/hash-queue';
import { addressKey } from '../auth/login-throttle';
import type { AppDeps } from './app-env';
import { pickLang } from './lang';

const LOGIN_PATH = '/api/session';

/** The refusal's bytes, made once per language: the envelope of `busy()` (503, Retry-After). */
const REFUSALS: Record<Lang, { body: Buffer; headers: Record<string, string> }> = {
  fr: refusal('fr'),
  en: refusal('en'),
};

function refusal(lang: Lang): { body: Buffer; headers: Record<string, string> } {
  const err = busy();
  const body = Buffer.from(JSON.stringify(err.toEnvelope(lang)));
  const headers: Record<string, string> = {
    'content-type': 'application/json; charset=UTF-8',
    'content-length': String(body.length),
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  };
  for (const [k, v] of Object.entries(err.headers ?? {})) headers[k.toLowerCase()] = v;
  return { body, headers };
}

/** The client's address: the socket's, or the first X-Forwarded-For hop behind a trusted proxy. */
export function clientAddress(
  forwarded: string | string[] | undefined,
  socketAddress: string | undefined,
  trustProxy: boolean,
): string {
  const hop = trustProxy && typeof forwarded === 'string' ? forwarded.split(',')[0]!.trim() : '';
  return addressKey(hop || socketAddress || 'local');
}

/**
 * Admits each login (`POST /api/session`) into the hashing queue's places before the app sees
 * it, and refuses the others at once with prepared bytes (503, Retry-After): under a login flood
 * a refusal costs about what parsing the request cost, not a pass through the app (its Fetch
 * Request, body stream, middleware and JSON answer: measured at ~0.8 ms each, so a burst of
 * 1 000 logins held a page asked at the same moment for about a second). An admitted login
 * holds its place until its answer ends or its connection closes.
 */
export function gateLogins(deps: Pick<AppDeps, 'limits' | 'trustProxy'>, app: RequestListener) {
  return (req: IncomingMessage, res: ServerResponse): void => {
    if (req.method !== 'POST' || !isLoginPath(req.url)) {
      app(req, res);
      return;
    }
    const address = clientAddress(
      req.headers['x-forwarded-for'],
      req.socket.remoteAddress,
      deps.trustProxy,
    );
    const admitted = deps.limits.hashing.admit(address);
    if (admitted) {
      res.once('close', admitted);
      app(req, res);
      return;
    }
    // The body is not read: the connection stays usable only if it was fully sent, so let Node
    // discard what remains of it (a login body is a few hundred bytes).
    req.resume();
    refusals.push({ res, refusal: REFUSALS[pickLang(req.headers['accept-language'])] });
    if (refusals.length === 1) setImmediate(answerRefusals);
  };
}

/** Refusals to write, oldest first. */
const refusals: Array<{ res: ServerResponse; refusal: (typeof REFUSALS)[Lang] }> = [];
/** Refusals written per turn of the event loop. */
const REFUSALS_PER_TURN = 32;

/**
 * Writes the waiting refusals a few at a time, each batch after the event loop's I/O: writing
 * an answer (a system call per socket) costs about as much as reading its request, so under a
 * flood's burst the requests that arrived meanwhile — a page, an asset, a legitimate login —
 * are read and answered between two batches instead of after a thousand refusals.
 */
function answerRefusals(): void {
  for (const { res, refusal } of refusals.splice(0, REFUSALS_PER_TURN)) {
    if (res.destroyed) continue;
    res.writeHead(503, refusal.headers);
    res.end(refusal.body);
  }
  if (refusals.length > 0) setImmediate(answerRefusals);
}

function isLoginPath(url: string | undefined): boolean {
  if (!url?.startsWith(LOGIN_PATH)) return false;
  const rest = url.charCodeAt(LOGIN_PATH.length);
  // Exactly the path, with or without a query or a trailing slash.
  return (
    Number.isNaN(rest) ||
    rest === 63 /* ? */ ||
    (rest === 47 /* / */ && url.length === LOGIN_PATH.length + 1)
  );
}
