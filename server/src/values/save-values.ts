import type { Catalogue } from '@ptce/shared/catalogue.schema';
import type { Lang } from '@ptce/shared/error-messages';
import type { ErrorIssue } from '@ptce/shared/errors.schema';
import {
  compareQuarters,
  currentQuarter,
  nextQuarter,
  previousQuarter,
  quartersOfYear,
  yearOf,
} from '@ptce/shared/periods';
import type { RuleIssue } from '@ptce/shared/rules';
import type { SaveValuesRequest, SaveValuesResponse } from '@ptce/shared/values.schema';
import type { Kysely, Transaction } from 'kysely';
import type { Database, PoleRow, ValueRow } from '../db/database';
import { ApiError } from '../http/api-error';
import { findPeriodState } from '../periods/periods.repository';
import { findScopes } from '../poles/poles.repository';
import { checkEntries } from './check-entries';
import { judgeRules } from './judge-rules';
import { appendHistory, findCellRows, findRows, upsertValues } from './values.repository';

export interface SaveContext {
  /** A database (a transaction is opened) or the caller's transaction (joined). */
  db: Kysely<Database> | Transaction<Database>;
  catalogue: Catalogue;
  retired: Set<string>;
  pole: PoleRow;
  userId: number;
  now: Date;
  lang: Lang;
  /** History reason for every change of the batch (e.g. `import file.xlsx`). */
  reason?: string;
  /** Check everything, write nothing: rule errors come back in `blocking` instead of a 422. */
  dryRun?: boolean;
}

export interface SaveResult extends Omit<SaveValuesResponse, 'period'> {
  /** Rule errors that would refuse the batch (dry run only; a real save throws them). */
  blocking: RuleIssue[];
}

const cellId = (scope: string, indicator: string, slice: string) =>
  `${scope}|${indicator}|${slice}`;

/**
 * Saves a quarter's batch all-or-nothing in one transaction. Throws 423 when the quarter is
 * submitted or validated, 422 INVALID_ENTRIES for catalogue misfits, 409 CONFLICT on a stale
 * version (listing the current values), 422 RULE_VIOLATION for consistency errors that no
 * involved entry overrides with a reason. Unchanged entries write nothing. A dry run checks the
 * same and writes nothing.
 */
export async function saveValues(ctx: SaveContext, req: SaveValuesRequest): Promise<SaveResult> {
  if (ctx.db.isTransaction) return saveInTransaction(ctx, ctx.db as Transaction<Database>, req);
  return ctx.db.transaction().execute((trx) => saveInTransaction(ctx, trx, req));
}

async function saveInTransaction(
  ctx: SaveContext,
  trx: Transaction<Database>,
  req: SaveValuesRequest,
): Promise<SaveResult> {
  {
    const { period } = req;
    if (compareQuarters(period, currentQuarter(ctx.now)) > 0) {
      throw new ApiError('INVALID_ENTRIES', undefined, [
        {
          path: ['period'],
          code: 'future',
          message:
            ctx.lang === 'fr' ? 'Ce trimestre n’a pas commencé.' : 'This quarter has not started.',
        },
      ]);
    }
    const state = await findPeriodState(trx, ctx.pole.id, period);
    if (state.status !== 'draft') throw new ApiError('LOCKED');
    const scopes = await findScopes(trx, ctx.pole.id);
    const entryIssues = checkEntries(req.entries, {
      catalogue: ctx.catalogue,
      scopes,
      retired: ctx.retired,
      lang: ctx.lang,
    });
    if (entryIssues.length > 0) throw new ApiError('INVALID_ENTRIES', undefined, entryIssues);

    const groupOf = new Map(scopes.map((s) => [s.slug, s.id]));
    const slugOf = new Map(scopes.map((s) => [s.id, s.slug]));
    const prev = period > '2000Q1' ? previousQuarter(period) : null;
    const next = compareQuarters(period, currentQuarter(ctx.now)) < 0 ? nextQuarter(period) : null;
    const periods = [
      ...new Set([
        ...quartersOfYear(yearOf(period)),
        ...(next ? quartersOfYear(yearOf(next)) : []),
      ]),
    ];
    for (const p of [prev, next]) if (p) periods.push(p);
    // Whole rows of the saved quarter; of the quarters around it, what the rules read.
    const currentRows = await findRows(trx, ctx.pole.id, [period]);
    const rows = [
      ...currentRows,
      ...(await findCellRows(
        trx,
        ctx.pole.id,
        periods.filter((p) => p !== period),
      )),
    ];
    const current = new Map<string, ValueRow>();
    for (const r of currentRows)
      current.set(cellId(slugOf.get(r.group_id)!, r.indicator_code, r.slice), r);

    const conflicts: ErrorIssue[] = [];
    const changes: Array<{
      entryIndex: number;
      row: ValueRow | undefined;
      next: Omit<ValueRow, 'id'>;
    }> = [];
    for (const [i, e] of req.entries.entries()) {
      const slice = e.slice ?? '';
      const row = current.get(cellId(e.scope, e.indicator, slice));
      const expected = e.version ?? 0;
      if (expected !== (row?.version ?? 0) && !(row && row.value === null && expected === 0)) {
        conflicts.push(conflictIssue(i, e.scope, e.indicator, slice, expected, row, ctx.lang));
        continue;
      }
      const value = e.value;
      const comment =
        value === null
          ? null
          : e.comment === undefined
            ? (row?.comment ?? null)
            : e.comment || null;
      const override =
        value === null
          ? null
          : (e.overrideReason ?? (row && row.value === value ? row.override_reason : null));
      if (row && row.value === value && row.comment === comment && row.override_reason === override)
        continue;
      if (!row && value === null) continue;
      changes.push({
        entryIndex: i,
        row,
        next: {
          pole_id: ctx.pole.id,
          group_id: groupOf.get(e.scope)!,
          indicator_code: e.indicator,
          period,
          slice,
          value,
          comment,
          override_reason: override,
          version: (row?.version ?? 0) + 1,
          updated_at: ctx.now.toISOString(),
          updated_by: ctx.userId,
        },
      });
    }
    if (conflicts.length > 0)
      throw new ApiError('CONFLICT', undefined, await withUserNames(trx, conflicts));

    const { warnings, overridden, blocking } = judgeRules({
      catalogue: ctx.catalogue,
      scopes,
      period,
      nextPeriod: next,
      baseRows: rows,
      changes: changes.map((c) => ({
        next: c.next,
        overrideReason: req.entries[c.entryIndex]!.overrideReason,
      })),
    });
    if (blocking.length > 0 && !ctx.dryRun)
      throw new ApiError('RULE_VIOLATION', undefined, blocking.map(ruleIssueToError(ctx.lang)));
    const saved = changes.map((c) => ({
      scope: slugOf.get(c.next.group_id)!,
      indicator: c.next.indicator_code,
      slice: c.next.slice,
      value: c.next.value,
      version: c.next.version,
    }));
    const unchanged = req.entries.length - changes.length;
    if (ctx.dryRun) return { saved, unchanged, warnings, overridden, blocking };

    await upsertValues(
      trx,
      changes.map((c) => c.next),
    );
    await appendHistory(
      trx,
      changes.map((c) => ({
        pole_id: ctx.pole.id,
        group_id: c.next.group_id,
        indicator_code: c.next.indicator_code,
        period,
        slice: c.next.slice,
        old_value: c.row?.value ?? null,
        new_value: c.next.value,
        old_comment: c.row?.comment ?? null,
        new_comment: c.next.comment,
        version: c.next.version,
        changed_at: c.next.updated_at,
        changed_by: ctx.userId,
        reason: req.entries[c.entryIndex]!.overrideReason ?? ctx.reason ?? null,
      })),
    );
    return { saved, unchanged, warnings, overridden, blocking: [] };
  }
}

function ruleIssueToError(lang: Lang) {
  return (r: RuleIssue): ErrorIssue => ({
    code: r.rule,
    message: lang === 'fr' ? r.messageFr : r.messageEn,
    rule: r.rule,
    severity: r.severity,
    scope: r.scope,
    period: r.period,
    slice: r.slice,
    cells: r.cells,
    params: r.params,
  });
}

/** Replaces the `current.updatedBy` user ids of conflict issues by the users' names. */
async function withUserNames(
  trx: Transaction<Database>,
  issues: ErrorIssue[],
): Promise<ErrorIssue[]> {
  const ids = issues
    .map((i) => (i.current as { updatedBy: number | null } | null)?.updatedBy)
    .filter((id): id is number => typeof id === 'number');
  const users = ids.length
    ? await trx.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute()
    : [];
  const names = new Map(users.map((u) => [u.id, u.name]));
  return issues.map((i) => {
    const current = i.current as { updatedBy: number | null } | null;
    return current
      ? {
          ...i,
          current: {
            ...current,
            updatedBy: current.updatedBy === null ? null : (names.get(current.updatedBy) ?? null),
          },
        }
      : i;
  });
}

function conflictIssue(
  i: number,
  scope: string,
  indicator: string,
  slice: string,
  yours: number,
  row: ValueRow | undefined,
  lang: Lang,
): ErrorIssue {
  return {
    path: ['entries', i, 'version'],
    code: 'stale_version',
    message:
      lang === 'fr'
        ? `${indicator} a été modifié par quelqu’un d’autre.`
        : `${indicator} was changed by someone else.`,
    scope,
    indicator,
    slice,
    yourVersion: yours,
    current: row
      ? {
          value: row.value,
          comment: row.comment,
          version: row.version,
          updatedAt: row.updated_at,
          updatedBy: row.updated_by,
        }
      : null,
  };
}
