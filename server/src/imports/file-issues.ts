import type { Lang } from '@ptce/shared/error-messages';
import { QuarterSchema, quarterLabel } from '@ptce/shared/periods';
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
      issueAt(
        pole.at,
        'wrong_pole',
        lang,
        `Ce fichier est le modèle d’un autre pôle (${pole.value}).`,
        `This file is the template of another pole (${pole.value}).`,
      ),
    );
  if (period && period.value !== ctx.period) {
    const shown = QuarterSchema.safeParse(period.value).success
      ? quarterLabel(period.value, lang)
      : period.value;
    issues.push(
      issueAt(
        period.at,
        'wrong_period',
        lang,
        `Ce fichier est le modèle de ${shown}, pas de ${quarterLabel(ctx.period, 'fr')}.`,
        `This file is the template of ${shown}, not ${quarterLabel(ctx.period, 'en')}.`,
      ),
    );
  }
  for (const sheet of file.unrecognized)
    issues.push(
      issueAt(
        { sheet, row: null, column: null },
        'unknown_sheet',
        lang,
        `Onglet « ${sheet} » : aucune ligne d’en-tête avec les colonnes « code indicateur » et « valeur ».`,
        `Sheet "${sheet}": no header row with the "indicator" and "value" columns.`,
      ),
    );
  return issues;
}

/** The issue of a table whose scope is known neither by its sheet name nor by a scope column. */
export function tableScopeIssue(table: RawTable, scopes: ScopeRow[], lang: Lang): ImportIssue {
  const at = { sheet: table.sheet, row: table.headerRow, column: null };
  return table.sheet === null
    ? issueAt(
        at,
        'missing_column',
        lang,
        'Colonne « périmètre » (scope) manquante.',
        'Missing "scope" column.',
      )
    : issueAt(
        at,
        'unknown_scope',
        lang,
        `Onglet « ${table.sheet} » : ce nom n’est celui d’aucun périmètre du pôle (${scopes.map((s) => s.name).join(', ')}).`,
        `Sheet "${table.sheet}": this is the name of no scope of the pole.`,
      );
}
