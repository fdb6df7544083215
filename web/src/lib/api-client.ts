import type { ErrorCode, ErrorIssue } from '@ptce/shared/errors.schema';

/** An API failure: the envelope's code, message (in the request's language) and issues. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: ErrorCode | 'NETWORK',
    message: string,
    readonly issues: ErrorIssue[] = [],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

type Listener = () => void;
const unauthenticatedListeners = new Set<Listener>();

/** Called whenever an authenticated call answers 401 (expired or revoked session). */
export function onUnauthenticated(listener: Listener): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

let currentLang = 'fr';
/** The language asked of the API for its messages. */
export function setApiLanguage(lang: string): void {
  currentLang = lang;
}

/** Turns a response into its JSON body, or throws the envelope as an ApiError. */
export async function unwrap<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let body: unknown = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (res.ok) return body as T;
  const error = (
    body as { error?: { code: ErrorCode; message: string; issues?: ErrorIssue[] } } | null
  )?.error;
  if (res.status === 401 && error?.code === 'UNAUTHENTICATED')
    for (const l of unauthenticatedListeners) l();
  throw new ApiError(
    res.status,
    error?.code ?? 'INTERNAL',
    error?.message ?? `HTTP ${res.status}`,
    error?.issues ?? [],
  );
}

/**
 * `fetch` on the same origin with the session cookie and the UI language. A server that
 * cannot be reached becomes a `NETWORK` ApiError; an abort rethrows the AbortError.
 */
async function send(
  path: string,
  init: { method?: string | undefined; headers: Record<string, string>; body?: BodyInit | null },
  signal: AbortSignal | undefined,
): Promise<Response> {
  try {
    return await fetch(path, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: { 'accept-language': currentLang, ...init.headers },
      body: init.body ?? null,
      signal: signal ?? null,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(
      0,
      'NETWORK',
      currentLang === 'en' ? 'The server cannot be reached.' : 'Le serveur est injoignable.',
    );
  }
}

/** The one way the web reaches the API: same-origin cookie, JSON in and out. */
export async function api<T>(
  path: string,
  init: { method?: string; body?: unknown; signal?: AbortSignal | undefined } = {},
): Promise<T> {
  const json = init.body !== undefined;
  const res = await send(
    path,
    {
      method: init.method,
      headers: {
        accept: 'application/json',
        ...(json ? { 'content-type': 'application/json' } : {}),
      },
      body: json ? JSON.stringify(init.body) : null,
    },
    init.signal,
  );
  return unwrap<T>(res);
}

export interface RawRequest {
  method?: string;
  /** A file sent as is (an upload), with its content type. */
  body?: Blob;
  contentType?: string;
  accept?: string;
  signal?: AbortSignal | undefined;
}

/**
 * A same-origin request whose body or answer is not JSON (a file upload, a streamed export).
 * Resolves to the 2xx response, unread; otherwise throws the error envelope as an `ApiError`
 * (through `unwrap`), or a `NETWORK` ApiError when the server cannot be reached. An abort
 * rethrows the AbortError.
 */
export async function fetchRaw(path: string, init: RawRequest = {}): Promise<Response> {
  const res = await send(
    path,
    {
      method: init.method,
      headers: {
        accept: init.accept ?? 'application/json',
        ...(init.contentType ? { 'content-type': init.contentType } : {}),
      },
      body: init.body ?? null,
    },
    init.signal,
  );
  if (!res.ok) await unwrap<never>(res);
  return res;
}

/** A query string from defined parameters only. */
export function qs(
  params: Record<string, string | number | undefined | null>,
  /** Keys sent even when empty (`slice=` asks for the totals). */
  keepEmpty: readonly string[] = [],
): string {
  const s = new URLSearchParams();
  for (const [k, v] of Object.entries(params))
    if (v !== undefined && v !== null && (v !== '' || keepEmpty.includes(k))) s.set(k, String(v));
  const out = s.toString();
  return out ? `?${out}` : '';
}
