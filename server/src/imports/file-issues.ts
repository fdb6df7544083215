import type { Lang } from '@ptce/shared/error-messages';
import { QuarterSchema, quarterLabel } from '@ptce/shared/periods';
import { t } from '../i18n/t';
import type { ScopeRow } from '../poles/poles.repository';
import { normalizeName } from './header-aliases';
import { type ImportIssue, issueAt } from './import-issues';
import type { ParsedFile, RawTable } from './parsed-file';
import { sheetNames } from './template-layout';

/** Normalised sheet name, scope name or slug → scope slug. */
export function scopeNames(scopes: ScopeRow[]): Map<string, string> {
  const byName = new Map<string, string>();
  for (const [slug, sheet] of sheetNames(scopes)) byName.set(normalizeName(sheet), slug);
  for (const s of scopes) {
    byName.set(normalizeName(s.name), s.slug);
    byName.set(normalizeName(s.slug), s.slug);
  }
  return byName;
}

/**
 * Issues of the file as a whole: a template of another pole or quarter (its read-me sheet
 * says so), and workbook sheets without a recognisable header row.
 */
export function fileIssues(
  file: ParsedFile,
  ctx: { pole: string; period: string; lang: Lang },
): ImportIssue[] {
  const { lang } = ctx;
  const issues: ImportIssue[] = [];
  const { pole, period } = file.declared;
  if (pole && pole.value !== ctx.pole)
    issues.push(
      issueAt(pole.at, 'wrong_pole', t(lang, 'import.wrongPoleFile', { pole: pole.value })),
    );
  if (period && period.value !== ctx.period) {
    const declared = QuarterSchema.safeParse(period.value).success
      ? quarterLabel(period.value, lang)
      : period.value;
    const params = { declared, period: quarterLabel(ctx.period, lang) };
    issues.push(issueAt(period.at, 'wrong_period', t(lang, 'import.wrongPeriodFile', params)));
  }
  for (const sheet of file.unrecognized) {
    const at = { sheet, row: null, column: null };
    issues.push(issueAt(at, 'unknown_sheet', t(lang, 'import.unknownSheet', { sheet })));
  }
  return issues;
}

/** The issue of a table whose scope is known neither by its sheet name nor by a scope column. */
export function tableScopeIssue(table: RawTable, scopes: ScopeRow[], lang: Lang): ImportIssue {
  const at = { sheet: table.sheet, row: table.headerRow, column: null };
  if (table.sheet === null)
    return issueAt(at, 'missing_column', t(lang, 'import.missingScopeColumn'));
  const params = { sheet: table.sheet, scopes: scopes.map((s) => s.name).join(', ') };
  return issueAt(at, 'unknown_scope', t(lang, 'import.unknownSheetScope', params));
}
