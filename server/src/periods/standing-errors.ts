import type { Catalogue } from '@ptce/shared/catalogue.schema';
import type { RuleIssue } from '@ptce/shared/rules';
import type { Db } from '../db/database';
import { findScopes } from '../poles/poles.repository';
import { storedQuarterIssues } from '../values/stored-issues';

/**
 * Whether a stored override reason covers an error of `rule`: a line tagged for that rule
 * (`[E1] …`, `[E1 sex=femme] …`, as `recordedReasons` writes a per-violation reason) or an
 * untagged line (a per-entry reason, which overrides whatever its entry was judged with).
 */
export function reasonCovers(stored: string, rule: string): boolean {
  return stored.split('\n').some((line) => {
    const tag = /^\[([A-Z]\d+)[\] ]/.exec(line);
    return tag === null || tag[1] === rule;
  });
}

/**
 * The consistency errors standing on a pole's stored quarter that no stored reason overrides:
 * the shared evaluator on the quarter as stored (`storedQuarterIssues`), less warnings, less
 * each error one of whose cells keeps an override reason covering its rule (`reasonCovers`).
 * What a submission refuses: the saves refuse such errors, so they only stand when a value
 * changed elsewhere (another quarter, another scope) or the rules changed since.
 */
export async function standingErrors(
  db: Db,
  input: { catalogue: Catalogue; poleId: number; period: string },
): Promise<RuleIssue[]> {
  const { catalogue, poleId, period } = input;
  const issues = (
    (await storedQuarterIssues(db, { catalogue, poleId, from: period, to: period })).get(period) ??
    []
  ).filter((i) => i.severity === 'error');
  if (issues.length === 0) return [];
  const slugOf = new Map((await findScopes(db, poleId)).map((s) => [s.id, s.slug]));
  const reasons = new Map<string, string>();
  const rows = await db
    .selectFrom('values')
    .select(['group_id', 'indicator_code', 'slice', 'override_reason'])
    .where('pole_id', '=', poleId)
    .where('period', '=', period)
    .where('override_reason', 'is not', null)
    .execute();
  for (const r of rows)
    reasons.set(`${slugOf.get(r.group_id)}|${r.indicator_code}|${r.slice}`, r.override_reason!);
  return issues.filter(
    (issue) =>
      !issue.cells.some((c) => {
        const stored = reasons.get(`${c.scope}|${c.indicator}|${c.slice}`);
        return stored !== undefined && reasonCovers(stored, issue.rule);
      }),
  );
}
