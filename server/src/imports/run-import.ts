import type { Catalogue } from '@ptce/shared/catalogue.schema';
import type { Lang } from '@ptce/shared/error-messages';
import type { ImportResult } from '@ptce/shared/imports.schema';
import type { ViolationOverride } from '@ptce/shared/values.schema';
import type { Kysely } from 'kysely';
import type { Database, PoleRow, ValueRow } from '../db/database';
import { ApiError } from '../http/api-error';
import { notifyImport } from '../notifications/notify';
import { assertWritableQuarter } from '../periods/writable-quarter';
import { findScopes } from '../poles/poles.repository';
import { saveValues } from '../values/save-values';
import { findRows } from '../values/values.repository';
import { fileErrors } from './import-issues';
import type { ParsedFile } from './parsed-file';
import { planImport } from './plan-import';
import { resolveLines } from './resolve-lines';
import { locateSaveError, toRuleResult } from './rule-results';
import { cellKey } from './template-rows';
import { inTransaction } from './transactions';

export interface ImportContext {
  db: Kysely<Database>;
  catalogue: Catalogue;
  retired: Set<string>;
  pole: PoleRow;
  userId: number;
  now: Date;
  lang: Lang;
  period: string;
  dryRun: boolean;
  fileName: string;
  /** Reasons per violation, as PUT values takes them (`overrides`). */
  overrides?: readonly ViolationOverride[];
}

/**
 * Imports a parsed file into a quarter, in ONE transaction: reads the scopes, the quarter's
 * state and current rows, plans the changes, then runs `saveValues` (same checks, versions,
 * rules and history, reason `import <file name>`) inside that transaction. A dry run writes
 * nothing (and rolls back) and reports what would change; rule errors, which a real run
 * refuses, are listed in `rules.errors`. A line's override reason is sent as its entry's
 * `overrideReason`: an error whose changed cells all carry one is listed in `rules.overridden`
 * and passes (the reason becomes those cells' history reason, instead of `import <file>`).
 * `ctx.overrides` are reasons per violation, with PUT values' semantics: one overrides its
 * violation only, recorded (tagged) in the history of each changed cell it involves; those
 * matching no violation are ignored.
 * @throws 422 INVALID_ENTRIES (file errors, located), 423 LOCKED (submitted or validated
 *   quarter), 409 CONFLICT (a changed cell's template version is stale), 422 RULE_VIOLATION.
 */
export async function runImport(ctx: ImportContext, file: ParsedFile): Promise<ImportResult> {
  const { lang, period } = ctx;
  return inTransaction(ctx.db, ctx.dryRun, async (trx) => {
    const scopes = await findScopes(trx, ctx.pole.id);
    const resolved = resolveLines(file, { ...ctx, scopes, pole: ctx.pole.slug });
    if (resolved.issues.length > 0) throw fileErrors(resolved.issues, lang);
    await assertWritableQuarter(trx, { ...ctx, poleId: ctx.pole.id }, (issue) =>
      fileErrors([{ ...issue, sheet: null, row: null, column: null }], lang),
    );
    const slugOf = new Map(scopes.map((s) => [s.id, s.slug]));
    const current = new Map<string, ValueRow>();
    for (const r of await findRows(trx, ctx.pole.id, [period]))
      current.set(cellKey(slugOf.get(r.group_id)!, r.indicator_code, r.slice), r);
    const plan = planImport(resolved.lines, current, { ...ctx, scopes });
    if (plan.issues.length > 0) throw fileErrors(plan.issues, lang);
    if (plan.conflicts.length > 0) throw new ApiError('CONFLICT', undefined, plan.conflicts);

    const result: ImportResult = {
      pole: ctx.pole.slug,
      period,
      format: file.format,
      fileName: ctx.fileName,
      dryRun: ctx.dryRun,
      rows: file.tables.reduce((n, t) => n + t.rows.length, 0),
      changes: plan.changes,
      unchanged: plan.unchanged,
      rules: { errors: [], warnings: [], overridden: [] },
    };
    if (plan.entries.length === 0) return result;
    const saved = await saveValues(
      { ...ctx, db: trx, dryRun: ctx.dryRun, reason: `import ${ctx.fileName}` },
      { period, entries: plan.entries, overrides: [...(ctx.overrides ?? [])] },
    ).catch((err) => {
      throw locateSaveError(err, plan.lines);
    });
    result.rules.errors = saved.blocking.map((i) => toRuleResult(i, plan.lines, lang));
    result.rules.warnings = saved.warnings.map((i) => toRuleResult(i, plan.lines, lang));
    result.rules.overridden = saved.overridden.map((i) => toRuleResult(i, plan.lines, lang));
    if (!ctx.dryRun) {
      const at = ctx.now.toISOString();
      await notifyImport(trx, {
        poleId: ctx.pole.id,
        period,
        by: ctx.userId,
        changes: plan.changes.length,
        at,
      });
    }
    return result;
  });
}
