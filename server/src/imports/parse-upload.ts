import { ApiError } from '../http/api-error';
import { inBoth } from '../i18n/t';
import { detectFormat } from './detect-format';
import { unreadable } from './import-issues';
import { parseCsv } from './parse-csv';
import { parseXlsx } from './parse-xlsx';
import type { ParsedFile } from './parsed-file';
import { MAX_UPLOAD_BYTES, tooLarge } from './read-upload';

/** What the request thread hands the imports worker: the body's bytes (transferred) and type. */
export interface UploadInput {
  bytes: ArrayBuffer;
  contentType: string;
  encoding: 'file' | 'multipart';
}

/** The one file of a multipart/form-data body, with its own type. */
async function filePart(
  bytes: ArrayBuffer,
  contentType: string,
): Promise<{ bytes: Uint8Array; type: string }> {
  let form: FormData;
  try {
    form = await new Response(bytes, { headers: { 'content-type': contentType } }).formData();
  } catch {
    throw unreadable(inBoth('import.multipartOneFile'));
  }
  const files = [...form.values()].filter((v): v is File => typeof v !== 'string');
  if (files.length !== 1) throw unreadable(inBoth('import.multipartOneFile'));
  const file = files[0]!;
  if (file.size > MAX_UPLOAD_BYTES) throw tooLarge();
  return { bytes: new Uint8Array(await file.arrayBuffer()), type: file.type };
}

/**
 * The `parse-upload` job, run in the imports worker: the file (the body itself, or the one file
 * of a multipart body) is detected and parsed within its limits. Only the parsed file, or an
 * ApiError, goes back to the request thread.
 * @throws 400, 413 (see detectFormat, parseXlsx, parseCsv).
 */
async function parseUpload(input: UploadInput): Promise<ParsedFile> {
  const file =
    input.encoding === 'multipart'
      ? await filePart(input.bytes, input.contentType)
      : { bytes: new Uint8Array(input.bytes), type: input.contentType };
  const detected = detectFormat(file.bytes, file.type);
  return detected.format === 'xlsx'
    ? parseXlsx(detected.bytes)
    : parseCsv(detected.text, detected.delimiter, detected.format);
}

/** The job kinds of the imports pool, served by the worker entry (workers/worker.ts). */
export const importJobs = { 'parse-upload': parseUpload };

/** The 413 of a file whose parser died or ran too long in its worker (nothing was written). */
export function tooComplexToRead(): ApiError {
  return new ApiError('PAYLOAD_TOO_LARGE', inBoth('import.fileTooComplex'));
}
