import type {
  Narrative,
  NarrativeChange,
  NarrativeHistoryQuery,
} from '@ptce/shared/narrative.schema';
import type { Db, PoleRow } from '../db/database';
import type { ScopeRow } from '../poles/poles.repository';

/** A pole's scope ids: the slug of each group id, and the id of its pole scope. */
export interface ScopeIds {
  slugOf: ReadonlyMap<number, string>;
  poleGroupId: number;
}

/** The ids of a pole's scopes, as the narrative reads and writes them. */
export function scopeIds(scopes: readonly ScopeRow[]): ScopeIds {
  const pole = scopes.find((s) => s.kind === 'pole');
  if (!pole) throw new Error('a pole without its pole scope');
  return { slugOf: new Map(scopes.map((s) => [s.id, s.slug])), poleGroupId: pole.id };
}

/** The narrative of a pole's quarter (version 0 and no text when never written). */
export async function findNarrative(
  db: Db,
  pole: Pick<PoleRow, 'id' | 'slug'>,
  period: string,
  ids: ScopeIds,
): Promise<Narrative> {
  const head = await db
    .selectFrom('narratives as n')
    .leftJoin('users as u', 'u.id', 'n.updated_by')
    .select(['n.version', 'n.updated_at', 'u.name'])
    .where('n.pole_id', '=', pole.id)
    .where('n.period', '=', period)
    .executeTakeFirst();
  const texts = await db
    .selectFrom('narrative_texts')
    .select(['group_id', 'text'])
    .where('pole_id', '=', pole.id)
    .where('period', '=', period)
    .execute();
  const scopes: Record<string, string> = {};
  let text = '';
  for (const r of texts) {
    if (r.group_id === ids.poleGroupId) text = r.text;
    else {
      const slug = ids.slugOf.get(r.group_id);
      if (slug) scopes[slug] = r.text;
    }
  }
  return {
    pole: pole.slug,
    period,
    text,
    scopes,
    version: head?.version ?? 0,
    updatedAt: head?.updated_at ?? null,
    updatedBy: head?.name ?? null,
  };
}

/** One text a save changes: `''` is no text. */
export interface TextChange {
  groupId: number;
  oldText: string;
  newText: string;
}

/**
 * Writes a save of a quarter's narrative: the header at `version`, each changed text (an empty
 * one deleted), and one history row per changed text. Run it in the caller's transaction.
 */
export async function writeNarrative(
  db: Db,
  save: { poleId: number; period: string; version: number; at: string; by: number },
  changes: readonly TextChange[],
): Promise<void> {
  const { poleId, period, version, at, by } = save;
  await db
    .insertInto('narratives')
    .values({ pole_id: poleId, period, version, updated_at: at, updated_by: by })
    .onConflict((oc) =>
      oc.columns(['pole_id', 'period']).doUpdateSet({ version, updated_at: at, updated_by: by }),
    )
    .execute();
  for (const c of changes) {
    const where = { pole_id: poleId, period, group_id: c.groupId };
    if (c.newText === '') {
      await db
        .deleteFrom('narrative_texts')
        .where('pole_id', '=', poleId)
        .where('period', '=', period)
        .where('group_id', '=', c.groupId)
        .execute();
    } else {
      await db
        .insertInto('narrative_texts')
        .values({ ...where, text: c.newText })
        .onConflict((oc) =>
          oc.columns(['pole_id', 'period', 'group_id']).doUpdateSet({ text: c.newText }),
        )
        .execute();
    }
  }
  await db
    .insertInto('narrative_history')
    .values(
      changes.map((c) => ({
        pole_id: poleId,
        period,
        group_id: c.groupId,
        old_text: c.oldText,
        new_text: c.newText,
        version,
        changed_at: at,
        changed_by: by,
      })),
    )
    .execute();
}

/** Changes in a page of a narrative's history when the query sets no `limit`. */
export const NARRATIVE_HISTORY_PAGE = 100;

/** A page of the changes of a quarter's narrative, newest first; `groupId`: one text's only. */
export async function findNarrativeHistory(
  db: Db,
  poleId: number,
  period: string,
  ids: ScopeIds,
  q: Omit<NarrativeHistoryQuery, 'scope'> & { groupId?: number | undefined },
): Promise<NarrativeChange[]> {
  let query = db
    .selectFrom('narrative_history as h')
    .leftJoin('users as u', 'u.id', 'h.changed_by')
    .select([
      'h.id',
      'h.group_id',
      'h.old_text',
      'h.new_text',
      'h.version',
      'h.changed_at',
      'u.name',
    ])
    .where('h.pole_id', '=', poleId)
    .where('h.period', '=', period)
    .orderBy('h.id', 'desc')
    .limit(q.limit ?? NARRATIVE_HISTORY_PAGE);
  if (q.groupId !== undefined) query = query.where('h.group_id', '=', q.groupId);
  if (q.before !== undefined) query = query.where('h.id', '<', q.before);
  const rows = await query.execute();
  return rows.map((r) => ({
    id: r.id,
    scope:
      r.group_id === ids.poleGroupId ? null : (ids.slugOf.get(r.group_id) ?? String(r.group_id)),
    oldText: r.old_text,
    newText: r.new_text,
    version: r.version,
    changedAt: r.changed_at,
    changedBy: r.name,
  }));
}
