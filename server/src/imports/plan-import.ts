import type { Catalogue } from '@ptce/shared/catalogue.schema';
import type { Lang } from '@ptce/shared/error-messages';
import type { ImportChange } from '@ptce/shared/imports.schema';
import type { ValueEntry } from '@ptce/shared/values.schema';
import type { ValueRow } from '../db/database';
import { t } from '../i18n/t';
import type { ScopeRow } from '../poles/poles.repository';
import { type ImportIssue, issueAt } from './import-issues';
import { locate } from './parsed-file';
import type { ImportLine } from './resolve-lines';
import { cellLabel } from './template-layout';
import { cellKey } from './template-rows';

export interface ImportPlan {
  /** The entries to save, in file order, each with the current version. */
  entries: ValueEntry[];
  /** What each entry changes, same order. */
  changes: ImportChange[];
  /** The lines of the entries, same order (to locate later issues). */
  lines: ImportLine[];
  unchanged: number;
  /** Lines that cannot apply (a comment without a value, a reason without a change): 422. */
  issues: ImportIssue[];
  /** Changed cells whose template version is not the current one: 409. */
  conflicts: ImportIssue[];
}

/**
 * Compares the lines with the quarter's current rows (`current`: cellKey → row, tombstones
 * included). An empty cell keeps the current value or comment; a cleared value drops its
 * comment whatever the comment cell holds; a comment on a cell with no value is an issue. A
 * line that changes nothing is skipped, so the same file imported twice changes nothing; an
 * override reason on such a line is an issue (nothing is saved, so there is nothing to justify).
 * Entries carry the current version and the line's override reason.
 */
export function planImport(
  lines: ImportLine[],
  current: Map<string, ValueRow>,
  ctx: { catalogue: Catalogue; scopes: ScopeRow[]; lang: Lang },
): ImportPlan {
  const { lang } = ctx;
  const plan: ImportPlan = {
    entries: [],
    changes: [],
    lines: [],
    unchanged: 0,
    issues: [],
    conflicts: [],
  };
  const byCode = new Map(ctx.catalogue.indicators.map((i) => [i.code, i]));
  const groupNames = new Map(
    ctx.scopes.filter((s) => s.kind === 'group').map((s) => [s.slug, s.name]),
  );
  for (const line of lines) {
    const row = current.get(cellKey(line.scope, line.indicator, line.slice));
    const old = row?.value ?? null;
    const oldComment = old === null ? null : (row?.comment ?? null);
    const next =
      line.value.kind === 'keep' ? old : line.value.kind === 'clear' ? null : line.value.value;
    const nextComment =
      next === null
        ? null
        : line.comment.kind === 'keep'
          ? oldComment
          : line.comment.kind === 'clear'
            ? null
            : line.comment.value;
    if (next === null && line.value.kind === 'keep' && line.comment.kind === 'set') {
      plan.issues.push(
        issueAt(
          locate(line.table, line.row, 'comment'),
          'comment_without_value',
          t(lang, 'import.commentWithoutValue'),
        ),
      );
      continue;
    }
    if (next === old && nextComment === oldComment) {
      if (line.overrideReason === null) plan.unchanged++;
      else
        plan.issues.push(
          issueAt(
            locate(line.table, line.row, 'overrideReason'),
            'reason_without_change',
            t(lang, 'import.reasonWithoutChange'),
          ),
        );
      continue;
    }
    const version = row?.version ?? 0;
    const staleTemplate =
      line.version !== undefined &&
      line.version !== version &&
      !(old === null && line.version === 0);
    if (staleTemplate) {
      plan.conflicts.push(
        issueAt(
          locate(line.table, line.row, 'version'),
          'stale_version',
          t(lang, 'import.staleTemplate', { indicator: line.indicator }),
          {
            scope: line.scope,
            indicator: line.indicator,
            slice: line.slice,
            yourVersion: line.version,
            current: row
              ? {
                  value: row.value,
                  comment: row.comment,
                  version: row.version,
                  updatedAt: row.updated_at,
                }
              : null,
          },
        ),
      );
      continue;
    }
    plan.entries.push({
      scope: line.scope,
      indicator: line.indicator,
      slice: line.slice,
      value: next,
      ...(line.comment.kind === 'keep' ? {} : { comment: nextComment }),
      ...(line.overrideReason === null ? {} : { overrideReason: line.overrideReason }),
      version,
    });
    plan.lines.push(line);
    plan.changes.push({
      sheet: line.table.sheet,
      row: line.row,
      scope: line.scope,
      indicator: line.indicator,
      slice: line.slice,
      label: cellLabel(
        byCode.get(line.indicator)!,
        line.slice,
        ctx.catalogue.dimensions,
        groupNames,
        lang,
      ),
      old,
      new: next,
      oldComment,
      newComment: nextComment,
      version: version + 1,
    });
  }
  return plan;
}
