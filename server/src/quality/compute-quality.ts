import type { Quarter } from '@ptce/shared/domain.types';
import { quarterRange } from '@ptce/shared/periods';
import { quarterCompleteness } from '@ptce/shared/periods.schema';
import {
  countWarnings,
  qualityParts,
  qualityScore,
  quarterDeadline,
  timelinessOf,
} from '@ptce/shared/quality';
import type { PoleQuality, QuarterQuality } from '@ptce/shared/quality.schema';
import type { AppDeps } from '../http/app-env';
import { findCompleteness } from '../periods/completeness.repository';
import { findStatuses } from '../periods/periods.repository';
import { storedQuarterIssues } from '../values/stored-issues';
import { findFirstSubmits, findOverrideCounts, polePeriodKey } from './quality.repository';

const DECODER = new TextDecoder();

type Deps = Pick<AppDeps, 'db' | 'cache' | 'catalogue' | 'deadlineDays' | 'now'>;

/**
 * The data quality of each pole's quarters in [from, to] (see `QuarterQuality`): completeness
 * as the quarter list counts it, timeliness from the first submission, the warnings the shared
 * rules raise on the stored values (the same evaluator as the save), the entries stored with an
 * override reason, and the score. Queries: two over every pole (first submissions, overrides),
 * then four per pole (completeness, states, and `storedQuarterIssues`' two: the cells
 * of the rules' windows, the totals of the outliers' history) — none per
 * value or per quarter. Each pole's quarters are kept in the response cache under its data
 * version and the day, so a region answer recomputes only the poles written since.
 */
export async function computeQuality(
  deps: Deps,
  poles: ReadonlyArray<{ id: number; slug: string; name: string }>,
  from: Quarter,
  to: Quarter,
): Promise<PoleQuality[]> {
  const now = deps.now();
  // A pole's quarters change with its data (its epoch) and with the day (a deadline passing).
  const day = now.toISOString().slice(0, 10);
  const keyOf = (poleId: number) =>
    `quality|${poleId}|${deps.cache.epochs.poleKey(poleId)}|${from}|${to}|${day}|${deps.deadlineDays}`;
  const known = new Map<number, QuarterQuality[]>();
  for (const pole of poles) {
    const hit = deps.cache.responses.get(keyOf(pole.id));
    if (hit) known.set(pole.id, JSON.parse(DECODER.decode(hit)));
  }
  const missing = poles.filter((p) => !known.has(p.id));
  if (missing.length > 0) {
    const ids = missing.map((p) => p.id);
    const [catalogue, submits, overrides] = await Promise.all([
      deps.catalogue.get(),
      findFirstSubmits(deps.db, ids, from, to),
      findOverrideCounts(deps.db, ids, from, to),
    ]);
    const periods = quarterRange(from, to);
    for (const [n, pole] of missing.entries()) {
      // SQLite answers synchronously: without a turn of the event loop between poles, a cold
      // region (23 poles, ~40 ms each) would hold every other request for about a second.
      if (n > 0) await new Promise((r) => setImmediate(r));
      const key = keyOf(pole.id);
      const completeness = await findCompleteness(deps.db, pole.id, from, to);
      const statuses = await findStatuses(deps.db, pole.id, from, to);
      // The same issues the save would raise on the stored quarters, outliers with their history.
      const standing = await storedQuarterIssues(deps.db, {
        catalogue,
        poleId: pole.id,
        from,
        to,
      });
      const quarters = periods.map((period): QuarterQuality => {
        const { filled, expected } = quarterCompleteness({
          scopes: completeness.get(period) ?? completeness.get('*') ?? [],
        });
        const submittedAt = submits.get(polePeriodKey(pole.id, period)) ?? null;
        const timeliness = timelinessOf(period, deps.deadlineDays, submittedAt, now);
        const issues = filled > 0 ? (standing.get(period) ?? []) : [];
        const { warnings, outliers } = countWarnings(issues);
        const overridden = overrides.get(polePeriodKey(pole.id, period)) ?? 0;
        const facts = { filled, expected, timeliness, outliers, overridden };
        return {
          period,
          status: statuses.get(period) ?? 'draft',
          completeness: { filled, expected },
          timeliness: {
            status: timeliness,
            deadline: quarterDeadline(period, deps.deadlineDays),
            submittedAt,
          },
          outliers,
          warnings,
          overridden,
          parts: qualityParts(facts),
          score: qualityScore(facts),
        };
      });
      deps.cache.responses.set(key, new Uint8Array(Buffer.from(JSON.stringify(quarters))));
      known.set(pole.id, quarters);
    }
  }
  return poles.map((p) => ({ slug: p.slug, name: p.name, quarters: known.get(p.id)! }));
}
