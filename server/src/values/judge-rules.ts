import type { Catalogue } from '@ptce/shared/catalogue.schema';
import { evaluateRules, type RuleIssue } from '@ptce/shared/rules';
import type { ScopeRow } from '../poles/poles.repository';
import { type CellRow, toCells } from './values.repository';

export interface Change {
  next: CellRow;
  /** The entry's written reason, if any (also for a cleared value). */
  overrideReason: string | undefined;
}

export interface Judgement {
  warnings: RuleIssue[];
  overridden: RuleIssue[];
  blocking: RuleIssue[];
}

const rowKey = (r: Pick<CellRow, 'group_id' | 'indicator_code' | 'period' | 'slice'>) =>
  `${r.group_id}|${r.indicator_code}|${r.period}|${r.slice}`;

/**
 * Judges a batch against the shared consistency rules, on the pole's state after the batch.
 * An issue of the saved quarter concerns the batch when it involves a changed cell (a cleared
 * cell counts for every issue on its indicator). A concerned error blocks unless every changed
 * entry it involves carries a written reason. Errors the batch newly causes in the next
 * quarter (stock identities read the quarter before) come back as warnings.
 */
export function judgeRules(input: {
  catalogue: Catalogue;
  scopes: ScopeRow[];
  period: string;
  nextPeriod: string | null;
  baseRows: CellRow[];
  changes: Change[];
}): Judgement {
  const slugOf = new Map(input.scopes.map((s) => [s.id, s.slug]));
  const merged = new Map<string, CellRow>();
  for (const r of input.baseRows) merged.set(rowKey(r), r);
  for (const c of input.changes) merged.set(rowKey(c.next), c.next);
  const run = (period: string, rows: Iterable<CellRow>) =>
    evaluateRules({
      catalogue: input.catalogue,
      period,
      scopes: input.scopes.map((s) => ({ slug: s.slug, indicators: s.indicators })),
      poleGroupSlugs: input.scopes.filter((s) => s.kind === 'group').map((s) => s.slug),
      values: toCells(rows, slugOf),
    });

  const touched = new Map<string, Change>();
  const cleared = new Map<string, Change[]>();
  for (const c of input.changes) {
    const scope = slugOf.get(c.next.group_id)!;
    touched.set(`${scope}|${c.next.indicator_code}|${c.next.slice}`, c);
    if (c.next.value === null) {
      const k = `${scope}|${c.next.indicator_code}`;
      cleared.set(k, [...(cleared.get(k) ?? []), c]);
    }
  }
  const result: Judgement = { warnings: [], overridden: [], blocking: [] };
  for (const issue of run(input.period, merged.values())) {
    const involved = new Set<Change>();
    for (const cell of issue.cells) {
      const hit = touched.get(`${cell.scope}|${cell.indicator}|${cell.slice}`);
      if (hit) involved.add(hit);
      for (const c of cleared.get(`${cell.scope}|${cell.indicator}`) ?? []) involved.add(c);
    }
    if (involved.size === 0) continue;
    if (issue.severity === 'warning') result.warnings.push(issue);
    else if ([...involved].every((c) => c.overrideReason)) result.overridden.push(issue);
    else result.blocking.push(issue);
  }
  if (input.nextPeriod)
    result.warnings.push(...nextQuarterRegressions(input.nextPeriod, input.baseRows, merged, run));
  return result;
}

function nextQuarterRegressions(
  next: string,
  base: CellRow[],
  merged: Map<string, CellRow>,
  run: (period: string, rows: Iterable<CellRow>) => RuleIssue[],
): RuleIssue[] {
  if (!base.some((r) => r.period === next && r.value !== null)) return [];
  const key = (i: RuleIssue) => `${i.rule}|${i.scope}|${i.slice}|${i.params.year ?? ''}`;
  const before = new Set(
    run(next, base)
      .filter((i) => i.severity === 'error')
      .map(key),
  );
  return run(next, merged.values())
    .filter((i) => i.severity === 'error' && !before.has(key(i)))
    .map((i) => ({ ...i, severity: 'warning' as const }));
}
