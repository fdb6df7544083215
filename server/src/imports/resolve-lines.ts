import type { Catalogue } from '@ptce/shared/catalogue.schema';
import type { Lang } from '@ptce/shared/error-messages';
import { t } from '../i18n/t';
import type { ScopeRow } from '../poles/poles.repository';
import { cellText, type RawCell } from './cell-text';
import { checkLines } from './check-lines';
import { fileIssues, scopeNames, tableScopeIssue } from './file-issues';
import { type Field, normalizeName } from './header-aliases';
import { type ImportIssue, issueAt } from './import-issues';
import { locate, type ParsedFile, type RawRow, type RawTable } from './parsed-file';
import { type Intent, readComment, readReason, readValue, readVersion } from './read-cells';

/** One data row of the file, understood: which cell, and what to do with its value and comment. */
export interface ImportLine {
  table: RawTable;
  row: number;
  scope: string;
  indicator: string;
  slice: string;
  value: Intent<number>;
  comment: Intent<string>;
  /** The line's `motif de dérogation`: overrides the rule errors its change is involved in. */
  overrideReason: string | null;
  /** The template's version of the cell, when the file has a version column. */
  version: number | undefined;
}

export interface ResolveContext {
  catalogue: Catalogue;
  retired: Set<string>;
  scopes: ScopeRow[];
  pole: string;
  period: string;
  lang: Lang;
}

const EMPTY: RawCell = { kind: 'empty' };

/**
 * Gives meaning to a parsed file for one pole and quarter: each sheet's scope (by sheet name,
 * scope name or slug, or a scope column), each row's cell, value and comment intents and
 * override reason, then the catalogue checks of `checkLines`. Rows of ratios asking for nothing
 * are dropped; a row with a formula saved without its result is refused at that cell.
 * @returns the lines, and every issue found in sheet then row order (empty = usable file).
 */
export function resolveLines(file: ParsedFile, ctx: ResolveContext) {
  const issues: ImportIssue[] = fileIssues(file, ctx);
  const lines: ImportLine[] = [];
  const byName = scopeNames(ctx.scopes);
  for (const table of file.tables) {
    const sheetScope = table.sheet === null ? undefined : byName.get(normalizeName(table.sheet));
    if (sheetScope === undefined && !table.columns.has('scope')) {
      issues.push(tableScopeIssue(table, ctx.scopes, ctx.lang));
      continue;
    }
    for (const raw of table.rows) {
      const line = resolveRow(table, raw, { ...ctx, byName, sheetScope }, issues);
      if (line) lines.push(line);
    }
  }
  issues.push(...checkLines(lines, ctx));
  const order = new Map(file.tables.map((t, i) => [t.sheet, i]));
  const rank = (i: ImportIssue) => [order.get(i.sheet) ?? -1, i.row ?? 0];
  issues.sort((a, b) => rank(a)[0]! - rank(b)[0]! || rank(a)[1]! - rank(b)[1]!);
  return { lines, issues };
}

function resolveRow(
  table: RawTable,
  { row, cells, overflow }: RawRow,
  ctx: ResolveContext & { byName: Map<string, string>; sheetScope: string | undefined },
  issues: ImportIssue[],
): ImportLine | null {
  const { lang } = ctx;
  const get = (f: Field) => cells.get(f) ?? EMPTY;
  const fail = (f: Field, code: string, message: string) =>
    issues.push(issueAt(locate(table, row, f), code, message));
  if (overflow) {
    const at = { sheet: table.sheet, row, column: overflow };
    issues.push(issueAt(at, 'extra_columns', t(lang, 'import.extraColumns')));
  }
  const uncomputed = [...cells].filter(([, cell]) => cell.kind === 'uncomputed');
  for (const [f] of uncomputed)
    fail(f, 'formula_without_result', t(lang, 'import.formulaWithoutResult'));
  if (uncomputed.length > 0) return null;
  const scopeText = cellText(get('scope'));
  const scope = scopeText
    ? (ctx.byName.get(normalizeName(scopeText)) ?? scopeText)
    : ctx.sheetScope;
  const indicator = cellText(get('indicator')).toUpperCase();
  const sliceText = cellText(get('slice'));
  const slice = normalizeName(sliceText) === 'total' ? '' : sliceText;
  if (!scope) fail('scope', 'missing_scope', t(lang, 'import.missingScope'));
  if (!indicator) fail('indicator', 'missing_indicator', t(lang, 'import.missingIndicator'));
  const poleText = cellText(get('pole'));
  if (poleText && poleText !== ctx.pole)
    fail('pole', 'wrong_pole', t(lang, 'import.wrongPoleRow', { pole: poleText }));
  const periodText = cellText(get('period'));
  if (periodText && periodText !== ctx.period) {
    const params = { found: periodText, period: ctx.period };
    fail('period', 'wrong_period', t(lang, 'import.wrongPeriodRow', params));
  }
  const value = readValue(get('value'), lang);
  const comment = readComment(get('comment'), lang);
  const reason = readReason(get('overrideReason'), lang);
  const version = readVersion(get('version'), lang);
  for (const [f, r] of [
    ['value', value],
    ['comment', comment],
    ['overrideReason', reason],
    ['version', version],
  ] as const)
    if (!r.ok) issues.push(issueAt(locate(table, row, f), r.code, r.message));
  if (!scope || !indicator || !value.ok || !comment.ok || !reason.ok || !version.ok) return null;
  const asksNothing =
    value.intent.kind === 'keep' && comment.intent.kind === 'keep' && reason.intent === null;
  const isRatio = ctx.catalogue.indicators.find((i) => i.code === indicator)?.kind === 'ratio';
  if (asksNothing && isRatio) return null;
  return {
    table,
    row,
    scope,
    indicator,
    slice,
    value: value.intent,
    comment: comment.intent,
    overrideReason: reason.intent,
    version: version.intent,
  };
}
