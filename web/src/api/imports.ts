import { type ImportResult, ImportResultSchema } from '@ptce/shared/imports.wire';
import type { ViolationOverride } from '@ptce/shared/values.schema';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { fetchRaw, qs, unwrap } from '../lib/api-client';
import { keys } from './keys';

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The prefilled template of a quarter: `GET /api/poles/{pole}/template.xlsx?period=`. */
export const templateUrl = (pole: string, period: string) =>
  `/api/poles/${encodeURIComponent(pole)}/template.xlsx${qs({ period })}`;

/**
 * The file's content type, from its name (the browser gives none for CSV on Windows, and
 * text/plain for a .txt): the server decides from the bytes, and accepts only a file's own
 * types — never text/plain, which any site's form could send.
 */
function uploadType(file: File): string {
  if (/\.xlsx$/i.test(file.name)) return XLSX_TYPE;
  if (/\.csv$/i.test(file.name)) return 'text/csv';
  return 'application/octet-stream';
}

/** What an import sends: the quarter, the file, whether to write, the reasons per violation. */
export interface ImportRequest {
  period: string;
  file: File;
  dryRun: boolean;
  overrides?: ViolationOverride[];
}

/**
 * Sends `file` as the raw body of `POST /api/poles/{pole}/import`, or with reasons per
 * violation as a multipart form (the file and an `overrides` JSON field). A dry run writes
 * nothing and says what would change; a real run applies everything or nothing.
 * @throws ApiError 422 INVALID_ENTRIES / RULE_VIOLATION (issues located by sheet, row and
 *   column), 409, 413 (over 5 MB), 415, 423 (quarter locked).
 */
async function postImport(pole: string, v: ImportRequest): Promise<ImportResult> {
  const overrides = v.overrides ?? [];
  let body: Blob | FormData = v.file;
  if (overrides.length > 0) {
    body = new FormData();
    body.append('file', new Blob([v.file], { type: uploadType(v.file) }), v.file.name);
    body.append('overrides', JSON.stringify(overrides));
  }
  const res = await fetchRaw(
    `/api/poles/${encodeURIComponent(pole)}/import${qs({
      period: v.period,
      dryRun: String(v.dryRun),
      filename: v.file.name,
    })}`,
    {
      method: 'POST',
      body,
      ...(body instanceof FormData ? {} : { contentType: uploadType(v.file) }),
    },
  );
  return unwrap(res, ImportResultSchema);
}

/** Runs an import; a real run refreshes the pole's values, history and quarter states. */
export function useImport(pole: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (v: ImportRequest) => postImport(pole, v),
    onSuccess: (result) => {
      if (result.dryRun) return;
      qc.invalidateQueries({ queryKey: keys.allValues(pole) });
      qc.invalidateQueries({ queryKey: keys.history(pole).slice(0, 3) });
      qc.invalidateQueries({ queryKey: keys.allPeriods(pole) });
    },
  });
}
