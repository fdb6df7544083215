import type { Context } from 'hono';
import type { AppDeps } from './app-env';

/** What the host and origin rules read from the settings. */
export type OriginSettings = Pick<AppDeps, 'publicUrl' | 'allowedOrigins' | 'trustProxy'>;

/** The first value of an `X-Forwarded-*` header, read only behind a trusted proxy. */
function forwarded(c: Context, name: string, trustProxy: boolean): string | undefined {
  if (!trustProxy) return undefined;
  const first = c.req.header(name)?.split(',')[0]?.trim();
  return first ? first : undefined;
}

/** The host the client asked for: X-Forwarded-Host behind a trusted proxy, else Host. */
function askedHost(c: Context, trustProxy: boolean): string {
  return (
    forwarded(c, 'x-forwarded-host', trustProxy) ?? c.req.header('host') ?? new URL(c.req.url).host
  );
}

/**
 * Whether the request travelled over https: X-Forwarded-Proto behind a trusted proxy, else the
 * public URL's scheme (the server itself only speaks http, so an https public URL means a proxy
 * terminates TLS in front of it), else the request's own scheme.
 */
export function isHttps(c: Context, s: OriginSettings): boolean {
  const proto = forwarded(c, 'x-forwarded-proto', s.trustProxy);
  if (proto !== undefined) return proto.toLowerCase() === 'https';
  if (s.publicUrl) return s.publicUrl.protocol === 'https:';
  return new URL(c.req.url).protocol === 'https:';
}

/**
 * The request's own origin, as the browser wrote it: PTCE_PUBLIC_URL's when set; otherwise
 * scheme and host from the request (X-Forwarded-Proto/-Host behind a trusted proxy).
 */
export function requestOrigin(c: Context, s: OriginSettings): string {
  if (s.publicUrl) return s.publicUrl.origin;
  return `${isHttps(c, s) ? 'https' : 'http'}://${askedHost(c, s.trustProxy)}`;
}

const IPV4 = /^\d{1,3}(\.\d{1,3}){3}$/;

/** A host name no DNS answer can point elsewhere: `localhost`, `*.localhost` or an IP literal. */
function isFixedHost(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    IPV4.test(hostname) ||
    hostname.startsWith('[')
  );
}

function isLoopback(hostname: string): boolean {
  return (
    hostname === 'localhost' ||
    hostname.endsWith('.localhost') ||
    hostname.startsWith('127.') ||
    hostname === '[::1]'
  );
}

/** `host` (a Host header) parsed as the host of a URL of `scheme`, or null when it is not one. */
function parseHost(host: string, scheme: string): URL | null {
  if (host === '' || /[/?#@\\\s]/.test(host)) return null;
  try {
    return new URL(`${scheme}//${host}`);
  } catch {
    return null;
  }
}

/**
 * Whether the server answers for the host the client asked for. With PTCE_PUBLIC_URL: that
 * host only (its default port implied). Without: `localhost`, `*.localhost` and IP literals —
 * names an attacker's DNS cannot rebind to this server. Anything else is refused, so a page of
 * `evil.example` whose name was rebound to this address never reads an answer.
 */
export function hostAllowed(c: Context, s: OriginSettings): boolean {
  const scheme = s.publicUrl?.protocol ?? 'http:';
  const asked = parseHost(askedHost(c, s.trustProxy), scheme);
  if (asked === null) return false;
  if (s.publicUrl) return asked.host === s.publicUrl.host;
  return isFixedHost(asked.hostname);
}

/** The port the connection was accepted on (the Node adapter's socket); undefined in-process. */
function listeningPort(c: Context): number | undefined {
  const incoming = (c.env as { incoming?: { socket?: { localPort?: number } } } | undefined)
    ?.incoming;
  return incoming?.socket?.localPort;
}

function portOf(u: URL): number {
  if (u.port) return Number(u.port);
  return u.protocol === 'https:' ? 443 : 80;
}

/**
 * Whether a browser page of `origin` may send cookie-authenticated writes and logins. Always:
 * the origins of PTCE_ORIGINS. With PTCE_PUBLIC_URL: its origin, and nothing else (never one
 * derived from the request's Host). Without: a loopback origin on the port the server listens
 * on, or the request's own origin when its host is one of `hostAllowed`'s fixed names (an IP
 * literal or `localhost`: a browser only writes such a Host when the page is on it).
 */
export function originAllowed(c: Context, s: OriginSettings, origin: string): boolean {
  if (s.allowedOrigins.includes(origin)) return true;
  if (s.publicUrl) return origin === s.publicUrl.origin;
  let u: URL;
  try {
    u = new URL(origin);
  } catch {
    return false;
  }
  if (u.origin !== origin || (u.protocol !== 'http:' && u.protocol !== 'https:')) return false;
  const port = listeningPort(c);
  if (isLoopback(u.hostname) && port !== undefined && portOf(u) === port) return true;
  const own = parseHost(askedHost(c, s.trustProxy), isHttps(c, s) ? 'https:' : 'http:');
  return own !== null && isFixedHost(own.hostname) && origin === own.origin;
}
