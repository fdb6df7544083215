import type { AggregateRow } from '@ptce/shared/aggregation/aggregation.types';
import { GroupAggregator } from '@ptce/shared/aggregation/group-aggregator';
import type { Catalogue } from '@ptce/shared/catalogue.schema';
import { getOrInsert } from '@ptce/shared/map-utils';
import type { PeriodStatus } from '@ptce/shared/periods.schema';
import type { Db } from '../db/database';
import { findStatuses } from '../periods/periods.repository';
import { findScopes, type ScopeRow } from '../poles/poles.repository';
import { type ExportCell, type ExportPole, findEnteredCells } from './exports.repository';

export interface ExportPlan {
  catalogue: Catalogue;
  poles: ExportPole[];
  from: string;
  to: string;
  by: 'quarter' | 'year';
  level: 'scope' | 'pole' | 'region';
}

interface PoleData {
  pole: ExportPole;
  scopes: ScopeRow[];
  cells: Map<number, ExportCell[]>;
  statusOf: (quarter: string) => PeriodStatus;
}

/** One pole's scopes, entered values in range and quarter states: a pole at a time in memory. */
async function loadPole(db: Db, pole: ExportPole, lo: string, hi: string): Promise<PoleData> {
  const scopes = await findScopes(db, pole.id);
  const rows = await findEnteredCells(
    db,
    pole.id,
    scopes.map((s) => s.id),
    lo,
    hi,
  );
  const cells: PoleData['cells'] = new Map();
  for (const r of rows) getOrInsert(cells, r.group_id, () => []).push(r);
  const byPeriod = await findStatuses(db, pole.id, lo, hi);
  return { pole, scopes, cells, statusOf: (q) => byPeriod.get(q) ?? 'draft' };
}

/**
 * The export's rows, group by group (a scope, a pole or a region), streamed: one pole's values
 * are in memory at a time, and one group's accumulators. Row order is deterministic: regions,
 * poles (slug), scopes (their order in the pole), then the engine's order.
 */
export async function* exportRows(db: Db, plan: ExportPlan): AsyncGenerator<AggregateRow[]> {
  const engine = new GroupAggregator(plan.catalogue, { by: plan.by, from: plan.from, to: plan.to });
  const { buckets } = engine;
  const [lo, hi] = buckets.range;
  const feed = (data: PoleData, scope: ScopeRow) => {
    engine.member(scope.indicators);
    for (const c of data.cells.get(scope.id) ?? [])
      engine.cell(c.indicator_code, c.slice, c.period, c.value!);
  };
  let region: string | null = null;
  for (const pole of plan.poles) {
    const data = await loadPole(db, pole, lo, hi);
    if (plan.level === 'region' && region !== pole.regionCode) {
      if (region !== null) yield engine.end();
      region = pole.regionCode;
      engine.begin({ region, pole: '', scope: '' });
    }
    if (plan.level === 'pole')
      engine.begin({ region: pole.regionCode, pole: pole.slug, scope: '' });
    for (const scope of data.scopes) {
      if (plan.level === 'scope')
        engine.begin({ region: pole.regionCode, pole: pole.slug, scope: scope.slug });
      feed(data, scope);
      if (plan.level === 'scope') {
        engine.pole(data.statusOf);
        yield engine.end();
      }
    }
    if (plan.level !== 'scope') engine.pole(data.statusOf);
    if (plan.level === 'pole') yield engine.end();
  }
  if (plan.level === 'region' && region !== null) yield engine.end();
}
