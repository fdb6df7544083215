import { ApiError } from '../http/api-error';
import { hasUnstorableChar } from '../http/validate';
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

/** What the worker hands back: the parsed file, and the `overrides` field of a multipart body. */
export interface ParsedUpload {
  file: ParsedFile;
  /** The text of the multipart body's `overrides` field (JSON, read by the caller), if any. */
  overrides: string | null;
}

/**
 * The one file of a multipart/form-data body, with its own type, and its `overrides` text field
 * if any (other text fields are ignored).
 */
async function filePart(
  bytes: ArrayBuffer,
  contentType: string,
): Promise<{ bytes: Uint8Array; type: string; overrides: string | null }> {
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
  const overrides = form.getAll('overrides');
  if (overrides.length > 1) throw unreadable(inBoth('import.multipartOneOverrides'));
  return {
    bytes: new Uint8Array(await file.arrayBuffer()),
    type: file.type,
    overrides: typeof overrides[0] === 'string' ? overrides[0] : null,
  };
}

/**
 * The `parse-upload` job, run in the imports worker: the file (the body itself, or the one file
 * of a multipart body) is detected and parsed within its limits. Only the parsed file (with a
 * multipart body's `overrides` text), or an ApiError, goes back to the request thread.
 * @throws 400, 413 (see detectFormat, parseXlsx, parseCsv).
 */
async function parseUpload(input: UploadInput): Promise<ParsedUpload> {
  const file =
    input.encoding === 'multipart'
      ? await filePart(input.bytes, input.contentType)
      : { bytes: new Uint8Array(input.bytes), type: input.contentType, overrides: null };
  const detected = detectFormat(file.bytes, file.type);
  const parsed =
    detected.format === 'xlsx'
      ? await parseXlsx(detected.bytes)
      : await parseCsv(detected.text, detected.delimiter, detected.format);
  assertWellFormed(parsed);
  return { file: parsed, overrides: file.overrides };
}

/**
 * Refuses a file holding a lone surrogate (an .xlsx can write one as `&#xD800;`) or a NUL
 * (`&#0;`, a csv's byte 0): such text would be stored as invalid UTF-8 in the append-only
 * history, and PostgreSQL's text cannot hold a NUL.
 * @throws 400 naming the first such cell.
 */
function assertWellFormed(file: ParsedFile): void {
  const refuse = (sheet: string | null, cell: string) =>
    unreadable(inBoth('import.invalidText', { cell: sheet ? `${sheet}!${cell}` : cell }));
  for (const table of file.tables) {
    for (const column of table.columns.values())
      if (hasUnstorableChar(column.header))
        throw refuse(table.sheet, `${column.letter}${table.headerRow}`);
    for (const row of table.rows) {
      for (const [field, cell] of row.cells) {
        if (cell.kind !== 'empty' && cell.kind !== 'number' && hasUnstorableChar(cell.text))
          throw refuse(table.sheet, `${table.columns.get(field)?.letter ?? ''}${row.row}`);
      }
    }
  }
  for (const declared of Object.values(file.declared))
    if (declared && hasUnstorableChar(declared.value))
      throw refuse(declared.at.sheet, `${declared.at.column ?? ''}${declared.at.row ?? ''}`);
  for (const name of [...file.unrecognized, ...file.tables.map((t) => t.sheet ?? '')])
    if (hasUnstorableChar(name)) throw refuse(null, name);
}

/** The job kinds of the imports pool, served by the worker entry (workers/worker.ts). */
export const importJobs = { 'parse-upload': parseUpload };

/** The 413 of a file whose parser died or ran too long in its worker (nothing was written). */
export function tooComplexToRead(): ApiError {
  return new ApiError('PAYLOAD_TOO_LARGE', inBoth('import.fileTooComplex'));
}
