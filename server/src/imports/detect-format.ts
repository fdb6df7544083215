import { ApiError } from '../http/api-error';
import { inBoth } from '../i18n/t';
import { unreadable } from './import-issues';
import type { ImportFormat } from './parsed-file';
import { XLSX_TYPE } from './template-layout';

/**
 * The file's own content types accepted as the raw body; the bytes decide between xlsx and
 * CSV. Never text/plain, a form encoding or no type at all: those an HTML form of another site
 * can send with the user's cookie, without any preflight.
 */
const FILE_TYPES = new Set([
  XLSX_TYPE,
  'text/csv',
  'application/csv',
  'application/vnd.ms-excel',
  'application/octet-stream',
]);
const MULTIPART = 'multipart/form-data';

/**
 * How the upload is sent, from its Content-Type: the file as the body (its own type) or
 * multipart/form-data with one file part. Checked before the body is read.
 * @throws 415 UNSUPPORTED_MEDIA_TYPE for any other type, text/plain and a missing type included.
 */
export function uploadEncoding(contentType: string): 'file' | 'multipart' {
  const type = mediaType(contentType);
  if (type === MULTIPART && /;\s*boundary=/i.test(contentType)) return 'multipart';
  if (FILE_TYPES.has(type)) return 'file';
  throw new ApiError('UNSUPPORTED_MEDIA_TYPE', inBoth('import.unsupportedType'));
}

const mediaType = (contentType: string) => contentType.split(';')[0]!.trim().toLowerCase();

export type Detected =
  | { format: 'xlsx'; bytes: Uint8Array }
  | { format: Exclude<ImportFormat, 'xlsx'>; text: string; delimiter: ',' | ';' };

const startsWith = (bytes: Uint8Array, sig: number[]) => sig.every((b, i) => bytes[i] === b);
const ZIP = [0x50, 0x4b, 0x03, 0x04];
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];
const BOM = [0xef, 0xbb, 0xbf];

/**
 * Decides the format from the bytes: a zip is an xlsx workbook; text is CSV, `csv-fr` when its
 * first line has more `;` than `,`. Text is UTF-8 (BOM optional), or Windows-1252 when it is
 * not valid UTF-8 (French Excel's "CSV" save). `contentType` is the file's own type: text
 * announced as a workbook is refused.
 * @throws 400 for an empty file, an .xls, or bytes that are neither a workbook nor text (an
 *   image, random bytes).
 */
export function detectFormat(bytes: Uint8Array, contentType: string): Detected {
  const type = mediaType(contentType);
  if (bytes.length === 0) throw unreadable(inBoth('import.empty'));
  if (startsWith(bytes, ZIP)) return { format: 'xlsx', bytes };
  if (startsWith(bytes, OLE2)) {
    throw unreadable(inBoth('import.xls'));
  }
  const text = decodeText(bytes);
  if (type === XLSX_TYPE || text === null) throw notASpreadsheet();
  let semicolons = 0;
  let commas = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x0a || c === 0x0d) break;
    if (c === 0x3b) semicolons++;
    else if (c === 0x2c) commas++;
  }
  return semicolons > commas
    ? { format: 'csv-fr', text, delimiter: ';' }
    : { format: 'csv', text, delimiter: ',' };
}

/** The 400 for bytes that are neither an xlsx workbook nor CSV text. */
export function notASpreadsheet(): ApiError {
  return unreadable(inBoth('import.notASpreadsheet'));
}

function decodeText(bytes: Uint8Array): string | null {
  const body = startsWith(bytes, BOM) ? bytes.subarray(3) : bytes;
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    text = new TextDecoder('windows-1252').decode(body);
  }
  // Text files have no control characters besides tab, CR and LF; binary files do.
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || (c >= 0x7f && c <= 0x9f))
      return null;
  }
  return text;
}
