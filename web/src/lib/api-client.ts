import { type ErrorCode, ErrorEnvelopeSchema, type ErrorIssue } from '@ptce/shared/errors.schema';
import { undefined as undefinedSchema } from 'zod/mini';
import type * as z from 'zod/v4/core';
import { safeParse } from 'zod/v4/core';

/** An API failure: the envelope's code, message (in the request's language) and issues. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    /** The envelope's code; `NETWORK`: no answer; `BAD_ANSWER`: an answer of another shape. */
    readonly code: ErrorCode | 'NETWORK' | 'BAD_ANSWER',
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

/** What the client says when an answer does not have the shape its schema gives. */
const BAD_ANSWER = {
  fr: 'Le serveur a envoyé une réponse inattendue.',
  en: 'The server sent an unexpected answer.',
};

/**
 * Reads a response: a 2xx body parsed with `schema` (a 204 has no body: `undefined`), or the
 * error envelope thrown as an ApiError. A body of another shape than `schema`'s is thrown as a
 * `BAD_ANSWER` ApiError listing where it differs (`path`, zod's code and message), so that a
 * server drifting from the shared wire shapes shows up as an error, not as a wrong screen.
 */
export async function unwrap<S extends z.$ZodType>(
  res: Response,
  schema: S,
  /** Names the request in the console when the answer has another shape. */
  where = res.url,
): Promise<z.output<S>> {
  const text = res.status === 204 ? '' : await res.text();
  let body: unknown;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    body = undefined;
  }
  if (!res.ok) throw toApiError(res.status, body);
  return parseAnswer(schema, body, res.status, where);
}

/**
 * `body` (a 2xx answer's JSON) parsed with `schema`.
 * @throws ApiError `BAD_ANSWER` (with `status`) listing where the body differs from the schema.
 */
export function parseAnswer<S extends z.$ZodType>(
  schema: S,
  body: unknown,
  status = 200,
  where = 'answer',
): z.output<S> {
  const parsed = safeParse(schema, body);
  if (parsed.success) return parsed.data;
  const issues = parsed.error.issues.slice(0, 20).map((i) => ({
    path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
    code: i.code,
    message: i.message,
  }));
  console.error(`[ptce-suivi] ${where || 'answer'}: unexpected shape`, issues);
  const message = BAD_ANSWER[currentLang === 'en' ? 'en' : 'fr'];
  throw new ApiError(status, 'BAD_ANSWER', message, issues);
}

/** The ApiError of a non-2xx answer, from its envelope when it has one. */
function toApiError(status: number, body: unknown): ApiError {
  const envelope = safeParse(ErrorEnvelopeSchema, body);
  const error = envelope.success ? envelope.data.error : null;
  if (status === 401 && error?.code === 'UNAUTHENTICATED')
    for (const l of unauthenticatedListeners) l();
  return new ApiError(
    status,
    error?.code ?? 'INTERNAL',
    error?.message ?? `HTTP ${status}`,
    error?.issues ?? [],
  );
}

/** The schema of an answer without a body (204 No Content). */
export const NO_CONTENT = undefinedSchema();

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

/**
 * The one way the web reaches the API: same-origin cookie, JSON in and out, the answer parsed
 * with `schema` (the shared wire shape of the endpoint).
 * @throws ApiError: the error envelope, `NETWORK` when the server cannot be reached,
 *   `BAD_ANSWER` for an answer of another shape.
 */
export async function api<S extends z.$ZodType>(
  path: string,
  schema: S,
  init: { method?: string; body?: unknown; signal?: AbortSignal | undefined } = {},
): Promise<z.output<S>> {
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
  return unwrap(res, schema, `${init.method ?? 'GET'} ${path}`);
}

export interface RawRequest {
  method?: string;
  /** A file sent as is (an upload), with its content type; or a form (the browser types it). */
  body?: Blob | FormData;
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
  if (!res.ok) await unwrap(res, NO_CONTENT);
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
