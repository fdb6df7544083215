import type { AggregateRow, RowStatus } from '@ptce/shared/aggregation/aggregation.types';
import { GroupAggregator } from '@ptce/shared/aggregation/group-aggregator';
import type { Catalogue } from '@ptce/shared/catalogue.schema';
import type { ExportLabels } from '@ptce/shared/exports.labels';
import { getOrInsert } from '@ptce/shared/map-utils';
import type { PeriodStatus } from '@ptce/shared/periods.schema';
import type { Db } from '../db/database';
import { findStatuses } from '../periods/periods.repository';
import { findScopes, type ScopeRow } from '../poles/poles.repository';
import { type ExportCell, type ExportPole, enteredCells } from './exports.repository';

export interface ExportPlan {
  catalogue: Catalogue;
  poles: ExportPole[];
  from: string;
  to: string;
  by: 'quarter' | 'year';
  level: 'scope' | 'pole' | 'region';
  /** The quarter states kept (`status=`): other quarters are left out before aggregation. */
  statuses: PeriodStatus[] | null;
  labels: ExportLabels;
}

/** The names of an output group, for an export with labels ('' for columns above the level). */
export interface GroupNames {
  region: string;
  pole: string;
  scope: string;
  /** Working-group slug → name, for the `working_group=…` slices of the group's poles. */
  groups: ReadonlyMap<string, string>;
}

/** One output group's rows (a scope, a pole or a region) and its names. */
export interface ExportGroup {
  rows: AggregateRow[];
  names: GroupNames;
}

interface PoleData {
  pole: ExportPole;
  scopes: ScopeRow[];
  cells: Map<number, ExportCell[]>;
  statusOf: (quarter: string) => PeriodStatus;
}

/** One pole's scopes, entered values in range and quarter states: a pole at a time in memory. */
async function loadPole(
  db: Db,
  pole: ExportPole,
  lo: string,
  hi: string,
  keep: ReadonlySet<PeriodStatus> | null,
): Promise<PoleData> {
  const scopes = await findScopes(db, pole.id);
  const byPeriod = await findStatuses(db, pole.id, lo, hi);
  const statusOf = (q: string) => byPeriod.get(q) ?? 'draft';
  const cells: PoleData['cells'] = new Map();
  const groupIds = scopes.map((s) => s.id);
  for await (const rows of enteredCells(db, pole.id, groupIds, lo, hi))
    for (const r of rows) {
      if (keep && !keep.has(statusOf(r.period))) continue;
      getOrInsert(cells, r.group_id, () => []).push(r);
    }
  return { pole, scopes, cells, statusOf };
}

/**
 * The states of the kept quarters of a group, per bucket: with a `status` filter the engine's
 * own states (every quarter of the bucket) would name quarters left out, so a row's status is
 * the one state of its group's kept quarters, or `mixed`.
 */
class KeptStatuses {
  private sets: Array<Set<PeriodStatus>> = [];
  private readonly index: Map<string, number>;

  constructor(
    private readonly engine: GroupAggregator,
    private readonly keep: ReadonlySet<PeriodStatus>,
  ) {
    this.index = new Map(engine.buckets.labels.map((label, b) => [label, b]));
  }

  begin() {
    this.sets = Array.from({ length: this.engine.buckets.count }, () => new Set());
  }

  pole(statusOf: (quarter: string) => PeriodStatus) {
    for (let b = 0; b < this.engine.buckets.count; b++)
      for (const q of this.engine.buckets.quartersOf(b)) {
        const s = statusOf(q);
        if (this.keep.has(s)) this.sets[b]!.add(s);
      }
  }

  /** Rewrites each row's status in place. */
  apply(rows: AggregateRow[]): AggregateRow[] {
    for (const row of rows) {
      const set = this.sets[this.index.get(row.period)!]!;
      row.status = (set.size === 1 ? [...set][0]! : 'mixed') satisfies RowStatus;
    }
    return rows;
  }
}

/**
 * The export's rows, group by group (a scope, a pole or a region), streamed: one pole's values
 * are in memory at a time, and one group's accumulators. Row order is deterministic: regions,
 * poles (slug), scopes (their order in the pole), then the engine's order. With a `status`
 * filter, the values of quarters in other states are left out before aggregation.
 */
export async function* exportRows(db: Db, plan: ExportPlan): AsyncGenerator<ExportGroup> {
  const engine = new GroupAggregator(plan.catalogue, { by: plan.by, from: plan.from, to: plan.to });
  const { buckets } = engine;
  const [lo, hi] = buckets.range;
  const keep = plan.statuses ? new Set(plan.statuses) : null;
  const kept = keep ? new KeptStatuses(engine, keep) : null;
  const feed = (data: PoleData, scope: ScopeRow) => {
    engine.member(scope.indicators);
    for (const c of data.cells.get(scope.id) ?? [])
      engine.cell(c.indicator_code, c.slice, c.period, c.value!);
  };
  let names: GroupNames = { region: '', pole: '', scope: '', groups: new Map() };
  const begin = (labels: { region: string; pole: string; scope: string }, n: GroupNames) => {
    engine.begin(labels);
    kept?.begin();
    names = n;
  };
  const pole = (data: PoleData) => {
    engine.pole(data.statusOf);
    kept?.pole(data.statusOf);
  };
  const end = (): ExportGroup => {
    const rows = engine.end();
    return { rows: kept ? kept.apply(rows) : rows, names };
  };
  const groupNames = (data: PoleData) =>
    new Map(data.scopes.filter((s) => s.kind === 'group').map((s) => [s.slug, s.name]));
  let region: string | null = null;
  let regionGroups = new Map<string, string>();
  for (const p of plan.poles) {
    const data = await loadPole(db, p, lo, hi, keep);
    if (plan.level === 'region' && region !== p.regionCode) {
      if (region !== null) yield end();
      region = p.regionCode;
      regionGroups = new Map();
      begin(
        { region, pole: '', scope: '' },
        { region: p.regionName, pole: '', scope: '', groups: regionGroups },
      );
    }
    if (plan.level === 'region')
      for (const [slug, name] of groupNames(data))
        if (!regionGroups.has(slug)) regionGroups.set(slug, name);
    const poleGroups = plan.level === 'region' ? regionGroups : groupNames(data);
    if (plan.level === 'pole')
      begin(
        { region: p.regionCode, pole: p.slug, scope: '' },
        { region: p.regionName, pole: p.name, scope: '', groups: poleGroups },
      );
    for (const scope of data.scopes) {
      if (plan.level === 'scope')
        begin(
          { region: p.regionCode, pole: p.slug, scope: scope.slug },
          { region: p.regionName, pole: p.name, scope: scope.name, groups: poleGroups },
        );
      feed(data, scope);
      if (plan.level === 'scope') {
        pole(data);
        yield end();
      }
    }
    if (plan.level !== 'scope') pole(data);
    if (plan.level === 'pole') yield end();
  }
  if (plan.level === 'region' && region !== null) yield end();
}
