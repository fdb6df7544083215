import type { Lang } from '@ptce/shared/error-messages';
import type { ErrorIssue } from '@ptce/shared/errors.schema';
import { ApiError } from '../http/api-error';
import { inBoth, t } from '../i18n/t';

/** Where a cell is, as the user sees it: sheet (null for CSV), 1-based row, column letter. */
export interface CellLocation {
  sheet: string | null;
  row: number | null;
  column: string | null;
  /** The column's header in the file, when known (`valeur`, `indicator`…). */
  header?: string;
}

/** One problem of an imported file, located; also an issue of the error envelope. */
export type ImportIssue = ErrorIssue & CellLocation;

/** Most issues listed in one answer; the rest are summed up in a last issue. */
const MAX_ISSUES = 500;

/** `0` → `A`, `25` → `Z`, `26` → `AA`: the spreadsheet name of a 0-based column index. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** An issue at `at` with a code and a message (from the catalogue, in the request's language). */
export function issueAt(
  at: CellLocation,
  code: string,
  message: string,
  extra: Record<string, unknown> = {},
): ImportIssue {
  return { code, message, ...at, ...extra };
}

/**
 * The 422 INVALID_ENTRIES of a file with errors ("nothing was written"), at most MAX_ISSUES
 * issues plus one `more` issue counting those left out.
 */
export function fileErrors(issues: ImportIssue[], lang: Lang): ApiError {
  const shown: ErrorIssue[] = issues.slice(0, MAX_ISSUES);
  if (issues.length > MAX_ISSUES) {
    const more = issues.length - MAX_ISSUES;
    shown.push({
      code: 'more',
      message: t(lang, 'import.moreErrors', { count: more }),
    });
  }
  return new ApiError(
    'INVALID_ENTRIES',
    inBoth('import.fileErrors', { count: issues.length }),
    shown,
  );
}

/** A 400 BAD_REQUEST for a file that cannot be read at all, with its message (`inBoth`). */
export function unreadable(messages: Record<Lang, string>): ApiError {
  return new ApiError('BAD_REQUEST', messages);
}
