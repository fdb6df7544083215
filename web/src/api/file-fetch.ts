import { ApiError, unwrap } from '../lib/api-client';

/** The UI language, which i18n keeps on <html lang>: the language asked of the API. */
const language = (): 'fr' | 'en' => (document.documentElement.lang === 'en' ? 'en' : 'fr');

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
  let res: Response;
  try {
    res = await fetch(path, {
      method: init.method ?? 'GET',
      credentials: 'same-origin',
      headers: {
        accept: init.accept ?? 'application/json',
        'accept-language': language(),
        ...(init.contentType ? { 'content-type': init.contentType } : {}),
      },
      body: init.body ?? null,
      signal: init.signal ?? null,
    });
  } catch (err) {
    if ((err as Error).name === 'AbortError') throw err;
    throw new ApiError(
      0,
      'NETWORK',
      language() === 'en' ? 'The server cannot be reached.' : 'Le serveur est injoignable.',
    );
  }
  if (!res.ok) await unwrap<never>(res);
  return res;
}
