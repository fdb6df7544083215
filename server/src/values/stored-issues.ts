import type { Catalogue } from '@ptce/shared/catalogue.schema';
import { compareQuarters, quarterRange, shiftQuarterWithin } from '@ptce/shared/periods';
import { evaluateRules, type RuleIssue } from '@ptce/shared/rules';
import { HISTORY_QUARTERS } from '@ptce/shared/rules.window';
import type { Db } from '../db/database';
import { findScopes } from '../poles/poles.repository';
import { findCellRows, findTotalRows, toCells } from './values.repository';

/**
 * The rule issues standing on a pole's stored quarters `from`…`to`: the shared evaluator
 * (`evaluateRules`, the one the save, the import and the grid judge with) run on each quarter
 * as stored, with everything its rules read: every cell of the quarters from three before
 * `from` (a Q4's year, the quarter before) to `to`, and the totals of the `HISTORY_QUARTERS`
 * before those for the outlier rules. Two queries whatever the range. Outlier warnings are
 * the issues whose `rule` matches /^O\d$/. Returns quarter → its issues (every quarter of the
 * range, empty when none).
 * @throws RangeError when `from` or `to` is not a valid quarter.
 */
export async function storedQuarterIssues(
  db: Db,
  input: { catalogue: Catalogue; poleId: number; from: string; to: string },
): Promise<Map<string, RuleIssue[]>> {
  const { catalogue, poleId, from, to } = input;
  const out = new Map<string, RuleIssue[]>();
  if (compareQuarters(from, to) > 0) return out;
  const quarters = quarterRange(from, to);
  const cellsFrom = shiftQuarterWithin(from, -3);
  const historyFrom = shiftQuarterWithin(from, -HISTORY_QUARTERS);
  const older = cellsFrom === historyFrom ? [] : quarterRange(historyFrom, cellsFrom).slice(0, -1);
  const scopes = await findScopes(db, poleId);
  const slugOf = new Map(scopes.map((s) => [s.id, s.slug]));
  const rows = [
    ...(await findCellRows(db, poleId, quarterRange(cellsFrom, to))),
    ...(await findTotalRows(db, poleId, older, {
      groupIds: scopes.map((s) => s.id),
      indicators: [...new Set(scopes.flatMap((s) => s.indicators))],
    })),
  ];
  const values = toCells(rows, slugOf);
  const poleGroupSlugs = scopes.filter((s) => s.kind === 'group').map((s) => s.slug);
  for (const period of quarters)
    out.set(period, evaluateRules({ catalogue, scopes, poleGroupSlugs, period, values }));
  return out;
}
