import type { Lang } from '@ptce/shared/error-messages';
import type { ErrorIssue } from '@ptce/shared/errors.schema';
import type { Context } from 'hono';
import { z } from 'zod';
import { fr } from 'zod/locales';
import { inBoth, t } from '../i18n/t';
import { ApiError } from './api-error';

/** Largest JSON body accepted by ordinary endpoints, in bytes. */
export const MAX_JSON_BYTES = 1_000_000;

/** Maps zod issues to the envelope's issues (path, code, message), never the raw ZodError. */
function toIssues(error: z.core.$ZodError): ErrorIssue[] {
  return error.issues.slice(0, 200).map((i) => ({
    path: i.path.map((p) => (typeof p === 'number' ? p : String(p))),
    code: i.code,
    message: i.message,
  }));
}

// zod's own messages in French for French requests (messages written in a schema stay as written).
const FRENCH = { error: fr().localeError };

/**
 * Validates `input` with `schema`, or throws a 400 VALIDATION_FAILED listing the issues, with
 * zod's messages in `lang` (French by default).
 */
export function parseWith<S extends z.core.$ZodType>(
  schema: S,
  input: unknown,
  lang: Lang = 'fr',
): z.infer<S> {
  const result = lang === 'fr' ? z.safeParse(schema, input, FRENCH) : z.safeParse(schema, input);
  if (!result.success) throw new ApiError('VALIDATION_FAILED', undefined, toIssues(result.error));
  return result.data;
}

/** `application/json`, with parameters (`; charset=utf-8`) but no other subtype. */
export const JSON_TYPE = /^application\/json\s*(;|$)/i;

const UTF8 = new TextDecoder('utf-8', { fatal: true });

/**
 * What no text of the database may hold, on either engine: a lone surrogate (not well-formed
 * Unicode; a paired one is one code point in `u` mode, not a `Surrogate`) or the NUL character
 * (PostgreSQL's text cannot store it; SQLite would, so both refuse it alike).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the NUL is what this refuses.
const UNSTORABLE = /[\p{Surrogate}\u0000]/u;

/** True when `text` holds a character no text may be stored with (see UNSTORABLE). */
export const hasUnstorableChar = (text: string): boolean => UNSTORABLE.test(text);

/** A 400 for text that is not well-formed Unicode. */
const invalidUnicode = () => new ApiError('BAD_REQUEST', inBoth('http.invalidUnicode'));

/**
 * Throws a 400 when a string of `value`, keys included, holds a lone surrogate or a NUL. Walked with a
 * stack, not recursion: a deeply nested body cannot overflow the call stack.
 */
function assertWellFormed(value: unknown): void {
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v === 'string') {
      if (hasUnstorableChar(v)) throw invalidUnicode();
    } else if (Array.isArray(v)) {
      for (const item of v) stack.push(item);
    } else if (v !== null && typeof v === 'object') {
      for (const [k, item] of Object.entries(v)) {
        if (hasUnstorableChar(k)) throw invalidUnicode();
        stack.push(item);
      }
    }
  }
}

/**
 * Reads the JSON body (application/json, at most MAX_JSON_BYTES, UTF-8) and validates it.
 * Throws 415 for another content type, 413 when too large, 400 for bytes that are not UTF-8,
 * bad JSON, a string (or key) with a lone surrogate (`"\ud800"`) or a NUL (`"\u0000"`), or a bad
 * shape.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!JSON_TYPE.test(type)) throw new ApiError('UNSUPPORTED_MEDIA_TYPE');
  const bytes = await c.req.arrayBuffer();
  if (bytes.byteLength > MAX_JSON_BYTES) throw new ApiError('PAYLOAD_TOO_LARGE');
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    throw new ApiError('BAD_REQUEST', inBoth('http.invalidUtf8'));
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError('BAD_REQUEST', inBoth('http.invalidJson'));
  }
  // Decoded UTF-8 holds no lone surrogate: only a `\u` escape can bring one.
  if (text.includes('\\u')) assertWellFormed(body);
  return parseWith(schema, body, c.get('lang'));
}

/** Validates the query string (every key once; repeated keys are refused). */
export function readQuery<S extends z.ZodType>(c: Context, schema: S): z.infer<S> {
  const all = c.req.queries();
  const flat: Record<string, string> = {};
  for (const [k, v] of Object.entries(all)) {
    if (k === 'lang') continue;
    if (v.length !== 1) {
      throw new ApiError('VALIDATION_FAILED', undefined, [
        {
          path: [k],
          code: 'duplicate',
          message: t(c.get('lang'), 'query.duplicate', { name: k }),
        },
      ]);
    }
    if (UNSTORABLE.test(k) || UNSTORABLE.test(v[0]!)) throw invalidUnicode();
    flat[k] = v[0]!;
  }
  return parseWith(schema, flat, c.get('lang'));
}

/**
 * Middleware: a 400 for a request whose path, once decoded, holds a lone surrogate or a NUL
 * (`/api/poles/x%00`): such a name is nothing the database holds, on either engine.
 */
export async function refuseUnstorablePath(c: Context, next: () => Promise<void>): Promise<void> {
  let path: string;
  try {
    path = decodeURIComponent(c.req.path);
  } catch {
    path = c.req.path; // malformed escapes are answered by the routes (404)
  }
  if (hasUnstorableChar(path) || /%00/i.test(c.req.path)) throw invalidUnicode();
  await next();
}
