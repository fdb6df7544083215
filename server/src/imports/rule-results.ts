import type { Lang } from '@ptce/shared/error-messages';
import type { ErrorIssue } from '@ptce/shared/errors.schema';
import type { ImportRuleIssue } from '@ptce/shared/imports.schema';
import { issueMessage, type RuleIssue } from '@ptce/shared/rules';
import { violationSubject } from '@ptce/shared/rules.judge';
import { ApiError } from '../http/api-error';
import type { ImportIssue } from './import-issues';
import { locate } from './parsed-file';
import type { ImportLine } from './resolve-lines';
import { cellKey } from './template-rows';

type Cells = Array<{ scope: string; indicator: string; slice: string }>;

/** The file rows (sheet, row) of the changed lines among `cells`. */
function locationsOf(cells: Cells | undefined, lines: ImportLine[]) {
  const wanted = new Set((cells ?? []).map((c) => cellKey(c.scope, c.indicator, c.slice)));
  return lines
    .filter((l) => wanted.has(cellKey(l.scope, l.indicator, l.slice)))
    .map((l) => ({ sheet: l.table.sheet, row: l.row }));
}

/** A rule result of `saveValues` in the import's shape, in `lang`, located in the file. */
export function toRuleResult(issue: RuleIssue, lines: ImportLine[], lang: Lang): ImportRuleIssue {
  return {
    rule: issue.rule,
    severity: issue.severity,
    scope: issue.scope,
    period: issue.period,
    slice: issue.slice,
    subject: violationSubject(issue),
    message: issueMessage(issue, lang),
    cells: issue.cells,
    params: issue.params,
    locations: locationsOf(issue.cells, lines),
  };
}

/**
 * An error of `saveValues` with its issues located in the file: `entries[i]` paths become the
 * row of the i-th changed line, rule issues get the `locations` of their changed cells.
 */
export function locateSaveError(err: unknown, lines: ImportLine[]): unknown {
  if (!(err instanceof ApiError) || !err.issues) return err;
  const issues = err.issues.map((issue): ErrorIssue | ImportIssue => {
    const [root, index] = issue.path ?? [];
    const line = root === 'entries' && typeof index === 'number' ? lines[index] : undefined;
    if (line) {
      const { path: _path, ...rest } = issue;
      return { ...rest, ...locate(line.table, line.row, 'value') };
    }
    if (Array.isArray(issue.cells))
      return { ...issue, locations: locationsOf(issue.cells as Cells, lines) };
    return issue;
  });
  return new ApiError(err.code, err.messages, issues, err.headers);
}
