import type { Lang } from '@ptce/shared/error-messages';
import type { ErrorIssue } from '@ptce/shared/errors.schema';
import type { Context } from 'hono';
import type { z } from 'zod';
import { fr } from 'zod/locales';
import { inBoth, t } from '../i18n/t';
import { ApiError } from './api-error';

/** Largest JSON body accepted by ordinary endpoints, in bytes. */
export const MAX_JSON_BYTES = 1_000_000;

/** Maps zod issues to the envelope's issues (path, code, message), never the raw ZodError. */
function toIssues(error: z.ZodError): ErrorIssue[] {
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
export function parseWith<S extends z.ZodType>(
  schema: S,
  input: unknown,
  lang: Lang = 'fr',
): z.infer<S> {
  const result = lang === 'fr' ? schema.safeParse(input, FRENCH) : schema.safeParse(input);
  if (!result.success) throw new ApiError('VALIDATION_FAILED', undefined, toIssues(result.error));
  return result.data;
}

/**
 * Reads the JSON body (application/json, at most MAX_JSON_BYTES) and validates it.
 * Throws 415 for another content type, 413 when too large, 400 for bad JSON or bad shape.
 */
export async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.infer<S>> {
  const type = c.req.header('content-type') ?? '';
  if (!/^application\/json\b/i.test(type)) throw new ApiError('UNSUPPORTED_MEDIA_TYPE');
  const text = await c.req.text();
  if (Buffer.byteLength(text) > MAX_JSON_BYTES) throw new ApiError('PAYLOAD_TOO_LARGE');
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new ApiError('BAD_REQUEST', inBoth('http.invalidJson'));
  }
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
    flat[k] = v[0]!;
  }
  return parseWith(schema, flat, c.get('lang'));
}
