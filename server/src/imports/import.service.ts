import type { ImportResult } from '@ptce/shared/imports.schema';
import type { Context } from 'hono';
import type { PoleEnv } from '../auth/pole-access.middleware';
import type { PoleRow } from '../db/database';
import type { AppDeps } from '../http/app-env';
import { detectFormat } from './detect-format';
import { parseCsv } from './parse-csv';
import { parseXlsx } from './parse-xlsx';
import type { ParsedFile } from './parsed-file';
import { readUpload, uploadName } from './read-upload';
import { runImport } from './run-import';

/**
 * Reads the uploaded file of `c` (≤ 5 MB), detects its format (xlsx, csv, csv-fr), parses it
 * and imports it into `period` (see `runImport`).
 * @throws 413, 415 and 400 for an upload that is too large, of another type, or unreadable.
 */
export async function importUpload(
  deps: AppDeps,
  c: Context<PoleEnv>,
  input: {
    pole: PoleRow;
    userId: number;
    period: string;
    dryRun: boolean;
    filename?: string | undefined;
  },
): Promise<ImportResult> {
  const bytes = await readUpload(c);
  const detected = detectFormat(bytes, c.req.header('content-type') ?? '');
  const file: ParsedFile =
    detected.format === 'xlsx'
      ? await parseXlsx(detected.bytes)
      : parseCsv(detected.text, detected.delimiter, detected.format);
  return runImport(
    {
      db: deps.db,
      catalogue: await deps.catalogue.get(),
      retired: await deps.catalogue.retired(),
      pole: input.pole,
      userId: input.userId,
      now: deps.now(),
      lang: c.get('lang'),
      period: input.period,
      dryRun: input.dryRun,
      fileName: uploadName(c, input.filename, detected.format === 'xlsx' ? 'xlsx' : 'csv'),
    },
    file,
  );
}
