import type { Context } from 'hono';
import { ApiError } from '../http/api-error';
import { inBoth } from '../i18n/t';

/** Largest import file, in bytes (5 MiB). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;

/** The 413 of a file over MAX_UPLOAD_BYTES. */
export const tooLarge = () =>
  new ApiError(
    'PAYLOAD_TOO_LARGE',
    inBoth('import.fileTooLarge', { megabytes: MAX_UPLOAD_BYTES / 1024 / 1024 }),
  );

/** What a multipart body may add around its file (boundaries, part headers, small fields). */
export const MULTIPART_ALLOWANCE = 64 * 1024;

/**
 * The raw request body, at most `maxBytes`: a larger Content-Length is refused before reading,
 * and reading stops as soon as the count goes past the limit (chunked uploads). The bytes are
 * copied into an ArrayBuffer of their own, which can be transferred to a worker.
 * @throws 413 PAYLOAD_TOO_LARGE.
 */
export async function readUpload(c: Context, maxBytes = MAX_UPLOAD_BYTES): Promise<Uint8Array> {
  const declared = Number(c.req.header('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge();
  const body = c.req.raw.body;
  if (!body) return new Uint8Array(0);
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

/**
 * The uploaded file's name for the history (`import <name>`): `?filename=`, else the
 * `X-Filename` header (percent-encoded UTF-8 allowed, since headers are Latin-1), else
 * `fichier.<ext>`. Folders and control characters are removed; at most 120 characters.
 */
export function uploadName(c: Context, fromQuery: string | undefined, ext: string): string {
  let name = fromQuery ?? '';
  if (!name) {
    name = c.req.header('x-filename') ?? '';
    try {
      name = decodeURIComponent(name);
    } catch {
      // not percent-encoded: keep it as sent
    }
  }
  const clean = (name.split(/[\\/]/).pop() ?? '')
    .replace(/\p{Cc}/gu, '')
    .trim()
    .slice(0, 120);
  return clean || `fichier.${ext}`;
}
