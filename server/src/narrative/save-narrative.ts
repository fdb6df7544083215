import type { ErrorIssue } from '@ptce/shared/errors.schema';
import type { Lang } from '@ptce/shared/format';
import type {
  Narrative,
  NarrativeConflictIssue,
  NarrativeSaveRequest,
} from '@ptce/shared/narrative.schema';
import type { Transaction } from 'kysely';
import type { Database, Db, PoleRow } from '../db/database';
import { transact } from '../db/engine';
import { ApiError } from '../http/api-error';
import { inBoth, t } from '../i18n/t';
import { assertWritableQuarter } from '../periods/writable-quarter';
import { findScopes, type ScopeRow } from '../poles/poles.repository';
import { findNarrative, scopeIds, type TextChange, writeNarrative } from './narrative.repository';

export interface NarrativeSaveContext {
  /** A database (a transaction is opened) or the caller's transaction (joined). */
  db: Db;
  pole: PoleRow;
  period: string;
  userId: number;
  now: Date;
  lang: Lang;
}

/** The group id of each scope text of the request, or a 422 naming the ones the pole lacks. */
function groupsOf(
  texts: Record<string, string>,
  scopes: readonly ScopeRow[],
  lang: Lang,
): Map<string, number> {
  const groups = new Map(scopes.filter((s) => s.kind === 'group').map((s) => [s.slug, s.id]));
  const issues: ErrorIssue[] = [];
  for (const slug of Object.keys(texts)) {
    if (groups.has(slug)) continue;
    const pole = scopes.some((s) => s.kind === 'pole' && s.slug === slug);
    issues.push({
      path: ['scopes', slug],
      code: pole ? 'pole_scope' : 'unknown_scope',
      message: t(lang, pole ? 'narrative.poleScope' : 'narrative.unknownScope', { scope: slug }),
    });
  }
  if (issues.length > 0) throw new ApiError('INVALID_ENTRIES', inBoth('narrative.scopes'), issues);
  return groups;
}

/** The texts the request changes against the stored narrative (none: an unchanged save). */
function changesOf(
  req: NarrativeSaveRequest,
  current: Narrative,
  poleGroupId: number,
  groups: ReadonlyMap<string, number>,
): TextChange[] {
  const changes: TextChange[] = [];
  if (req.text !== current.text)
    changes.push({ groupId: poleGroupId, oldText: current.text, newText: req.text });
  for (const [slug, text] of Object.entries(req.scopes ?? {})) {
    const old = current.scopes[slug] ?? '';
    if (text !== old) changes.push({ groupId: groups.get(slug)!, oldText: old, newText: text });
  }
  return changes;
}

/**
 * Saves a quarter's narrative in one transaction: the pole's text replaced, the scope texts
 * listed set (`''` clears), the others kept; the version bumped and one history row per changed
 * text. An unchanged save writes nothing and answers the narrative as it is.
 * @throws 422 INVALID_STATE for a quarter not started, 423 LOCKED for a submitted or validated
 *   one, 422 INVALID_ENTRIES for a scope text the pole has no working group for, 409 CONFLICT
 *   when `version` (absent = 0) is not the stored one (the issue carries the stored narrative).
 */
export async function saveNarrative(
  ctx: NarrativeSaveContext,
  req: NarrativeSaveRequest,
): Promise<Narrative> {
  if (ctx.db.isTransaction) return saveIn(ctx, ctx.db as Transaction<Database>, req);
  return transact(ctx.db, (trx) => saveIn(ctx, trx, req));
}

async function saveIn(
  ctx: NarrativeSaveContext,
  trx: Transaction<Database>,
  req: NarrativeSaveRequest,
): Promise<Narrative> {
  const { pole, period, lang } = ctx;
  await assertWritableQuarter(
    trx,
    { poleId: pole.id, period, now: ctx.now, lang },
    (issue) =>
      new ApiError('INVALID_STATE', inBoth('narrative.future'), [{ path: ['period'], ...issue }]),
  );
  const scopes = await findScopes(trx, pole.id);
  const groups = groupsOf(req.scopes ?? {}, scopes, lang);
  const ids = scopeIds(scopes);
  const current = await findNarrative(trx, pole, period, ids);
  const yours = req.version ?? 0;
  if (yours !== current.version) {
    const issue: NarrativeConflictIssue = {
      path: ['version'],
      code: 'stale_narrative',
      message: t(lang, 'narrative.stale', { version: current.version }),
      yourVersion: yours,
      current,
    };
    throw new ApiError('CONFLICT', inBoth('narrative.stale', { version: current.version }), [
      issue,
    ]);
  }
  const changes = changesOf(req, current, ids.poleGroupId, groups);
  if (changes.length === 0) return current;
  await writeNarrative(
    trx,
    {
      poleId: pole.id,
      period,
      version: current.version + 1,
      at: ctx.now.toISOString(),
      by: ctx.userId,
    },
    changes,
  );
  return findNarrative(trx, pole, period, ids);
}
