import type { Catalogue } from '@ptce/shared/catalogue.schema';
import type { RuleViolationIssue } from '@ptce/shared/error-issues.schema';
import type { Lang } from '@ptce/shared/error-messages';
import { issueMessage, type RuleIssue } from '@ptce/shared/rules';
import { type BatchChange, judgeBatch, violationSubject } from '@ptce/shared/rules.judge';
import { type RulesWindow, rulesWindow } from '@ptce/shared/rules.window';
import { ratioTermSlices } from '@ptce/shared/slices';
import type { SaveValuesRequest, SaveValuesResponse } from '@ptce/shared/values.schema';
import type { Transaction } from 'kysely';
import type { Database, Db, PoleRow, ValueRow } from '../db/database';
import { transact } from '../db/engine';
import { ApiError } from '../http/api-error';
import { assertWritableQuarter } from '../periods/writable-quarter';
import { findScopes } from '../poles/poles.repository';
import { findUserNames } from '../users/users.repository';
import { checkEntries } from './check-entries';
import {
  cellId,
  conflictUserIds,
  type PlannedChange,
  planChanges,
  withUserNames,
} from './plan-changes';
import { refreshQuarter } from './quarter-totals.repository';
import { recordedReasons } from './recorded-reasons';
import { findStoredTotals } from './stored-totals';
import { appendHistory, findCellRows, findRows, toCells, upsertValues } from './values.repository';

export interface SaveContext {
  /** A database (a transaction is opened) or the caller's transaction (joined). */
  db: Db;
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

/**
 * Saves a quarter's batch all-or-nothing in one transaction: loads the quarter and the rules'
 * window (with the outlier rules' history of the changed totals), plans the changes (`planChanges`), judges them (`judgeBatch`), writes them and their
 * history. Throws 423 when the quarter is submitted or validated, 422 INVALID_ENTRIES for a
 * quarter not started or catalogue misfits, 409 CONFLICT on a stale version (listing the
 * current values), 422 RULE_VIOLATION for consistency errors that the batch does not override
 * (a reason in `overrides` for that violation, or one on every changed entry it involves),
 * listing each concerned error once with `overridden` and the entries it involves. A reason is
 * recorded in the history (and kept with the value) of each changed entry its violation
 * involves (`recordedReasons`). Unchanged entries write nothing. A dry run checks the same and
 * writes nothing.
 */
export async function saveValues(ctx: SaveContext, req: SaveValuesRequest): Promise<SaveResult> {
  if (ctx.db.isTransaction) return saveInTransaction(ctx, ctx.db as Transaction<Database>, req);
  return transact(ctx.db, (trx) => saveInTransaction(ctx, trx, req));
}

async function saveInTransaction(
  ctx: SaveContext,
  trx: Transaction<Database>,
  req: SaveValuesRequest,
): Promise<SaveResult> {
  const { period } = req;
  const poleId = ctx.pole.id;
  await assertWritableQuarter(trx, { poleId, period, now: ctx.now, lang: ctx.lang });
  const scopes = await findScopes(trx, poleId);
  const entryIssues = checkEntries(req.entries, { ...ctx, scopes });
  if (entryIssues.length > 0) throw new ApiError('INVALID_ENTRIES', undefined, entryIssues);

  const slugOf = new Map(scopes.map((s) => [s.id, s.slug]));
  const window = rulesWindow(period, ctx.now);
  // Whole rows of the saved quarter; of the quarters around it, what the rules read.
  const currentRows = await findRows(trx, poleId, [period]);
  const around = window.quarters.filter((p) => p !== period);
  const rows = [...currentRows, ...(await findCellRows(trx, poleId, around))];
  const current = new Map<string, ValueRow>();
  for (const r of currentRows)
    current.set(cellId(slugOf.get(r.group_id)!, r.indicator_code, r.slice), r);

  const plan = planChanges(req.entries, current, {
    ...ctx,
    poleId,
    period,
    groupOf: new Map(scopes.map((s) => [s.slug, s.id])),
  });
  if (plan.conflicts.length > 0) {
    const names = await findUserNames(trx, conflictUserIds(plan.conflicts));
    throw new ApiError('CONFLICT', undefined, withUserNames(plan.conflicts, names));
  }
  const { changes, unchanged } = plan;
  rows.push(
    ...(await findHistoryRows(trx, poleId, window, changes, ratioTermSlices(ctx.catalogue))),
  );
  const cellOf = (c: PlannedChange) => ({
    scope: slugOf.get(c.next.group_id)!,
    indicator: c.next.indicator_code,
    slice: c.next.slice,
    value: c.next.value,
  });
  const batch = changes.map(
    (c): BatchChange => ({
      ...cellOf(c),
      overrideReason: req.entries[c.entryIndex]!.overrideReason,
    }),
  );
  const entryOf = new Map<BatchChange, number>(batch.map((b, i) => [b, changes[i]!.entryIndex]));
  const { warnings, overridden, blocking, judged } = judgeBatch({
    catalogue: ctx.catalogue,
    scopes,
    poleGroupSlugs: scopes.filter((s) => s.kind === 'group').map((s) => s.slug),
    period,
    next: window.next,
    base: toCells(rows, slugOf),
    changes: batch,
    overrides: req.overrides ?? [],
  });
  if (blocking.length > 0 && !ctx.dryRun) {
    // Each concerned error once: whether the batch overrides it, the entries it involves.
    const issues = judged
      .filter((j) => j.verdict === 'blocking' || j.verdict === 'overridden')
      .map((j) => ({
        ...ruleIssueToError(ctx.lang)(j.issue),
        subject: violationSubject(j.issue),
        overridden: j.verdict === 'overridden',
        entries: j.involved.map((b) => entryOf.get(b)!).sort((x, y) => x - y),
      }));
    throw new ApiError('RULE_VIOLATION', undefined, issues);
  }
  const reasons = recordedReasons(changes, batch, judged, req.entries);
  for (const [i, c] of changes.entries()) c.next.override_reason = reasons[i]!.stored;
  const saved = changes.map((c) => ({
    ...cellOf(c),
    version: c.next.version,
    overrideReason: c.next.override_reason,
  }));
  if (ctx.dryRun) return { saved, unchanged, warnings, overridden, blocking };

  // The quarter's entries are written just below, which marks them (refreshQuarter).
  await upsertValues(
    trx,
    changes.map((c) => c.next),
    { refreshed: changes.length > 0 },
  );
  // The dashboard's entries of the quarter, from its rows as the write leaves them (no query):
  // its next read builds nothing.
  if (changes.length > 0) {
    const after = new Map<string, Omit<ValueRow, 'id'>>();
    for (const r of [...currentRows, ...changes.map((c) => c.next)])
      after.set(`${r.group_id}|${r.indicator_code}|${r.slice}`, r);
    await refreshQuarter(trx, poleId, period, after.values(), ratioTermSlices(ctx.catalogue));
  }
  await appendHistory(
    trx,
    changes.map((c, i) => ({
      pole_id: poleId,
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
      reason: reasons[i]!.written ?? ctx.reason ?? null,
    })),
  );
  return { saved, unchanged, warnings, overridden, blocking: [] };
}

/**
 * The outlier rules' history (`window.history`, less the quarters already loaded) of the totals
 * the batch changes: an outlier concerns its own cell only, so the other series need none. Read
 * from the quarters' stored cells (findStoredTotals): ~10 rows instead of ~400 for a grid.
 */
function findHistoryRows(
  trx: Transaction<Database>,
  poleId: number,
  window: RulesWindow,
  changes: PlannedChange[],
  terms: ReadonlyArray<{ indicator: string; slice: string }>,
) {
  const loaded = new Set(window.quarters);
  const totals = changes.filter((c) => c.next.slice === '');
  return findStoredTotals(
    trx,
    poleId,
    window.history.filter((p) => !loaded.has(p)),
    {
      groupIds: [...new Set(totals.map((c) => c.next.group_id))],
      indicators: [...new Set(totals.map((c) => c.next.indicator_code))],
    },
    terms,
  );
}

function ruleIssueToError(lang: Lang) {
  return (r: RuleIssue): RuleViolationIssue => ({
    code: r.rule,
    message: issueMessage(r, lang),
    rule: r.rule,
    severity: r.severity,
    scope: r.scope,
    period: r.period,
    slice: r.slice,
    cells: r.cells,
    params: r.params,
  });
}
