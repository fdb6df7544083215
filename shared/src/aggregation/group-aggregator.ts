import type { Catalogue, Indicator } from '../catalogue.schema';
import type { Quarter } from '../domain.types';
import type { PeriodStatus } from '../periods.schema';
import type { AggregateRow, Granularity, GroupLabels, RowStatus } from './aggregation.types';
import { Buckets } from './buckets';
import { type MemberCells, ratioPairs } from './member-cells';
import { sliceRanker } from './row-order';

interface Acc {
  value: number | null;
  completeMembers: number;
}

interface RatioAcc {
  num: number;
  den: number;
  pairs: number;
  completeMembers: number;
}

/**
 * The one aggregation engine of exports and dashboards, fed incrementally so that an export
 * holds one output group in memory, never the whole dataset.
 *
 * Per group (a scope, a pole or a region): `begin(labels)`, then for each member — one scope
 * of one pole, the unit that enters values — `member(tracked)` and its `cell(...)`s, and for
 * each pole of the group `pole(statusOf)`; `end()` returns the group's rows, sorted.
 * - flows sum their quarters; a stock takes the last quarter of the bucket; both add up across
 *   members at the same date;
 * - ratios are Σ numerator ÷ Σ denominator × scale over the (member, quarter) pairs where both
 *   sides were entered (so a quarter missing on one side does not bias the other), total slice
 *   only; null when no pair or a zero denominator;
 * - `complete` is true when every member that tracks the indicator entered every quarter the
 *   row aggregates (for a ratio: every term in every quarter);
 * - `status` is the one workflow state of the group's poles over the bucket's quarters, or
 *   `mixed` (a quarter without a recorded state is a `draft`).
 */
export class GroupAggregator {
  readonly buckets: Buckets;
  private readonly indicators: Map<string, Indicator>;
  private readonly order: Map<string, number>;
  private readonly rank: (indicator: Indicator, slice: string) => number;
  private labels: GroupLabels = { region: '', pole: '', scope: '' };
  private current: MemberCells | null = null;
  private accs = new Map<string, Map<string, Map<string, Acc>>>();
  private ratios = new Map<string, Map<string, RatioAcc>>();
  private expected = new Map<string, number>();
  private statuses = new Map<string, Set<PeriodStatus>>();

  constructor(
    private readonly catalogue: Catalogue,
    opts: { by: Granularity; from: Quarter; to: Quarter },
  ) {
    this.buckets = new Buckets(opts.by, opts.from, opts.to);
    this.indicators = new Map(catalogue.indicators.map((i) => [i.code, i]));
    this.order = new Map(catalogue.indicators.map((i, n) => [i.code, n]));
    this.rank = sliceRanker(catalogue.dimensions);
  }

  begin(labels: GroupLabels): void {
    this.labels = labels;
    this.accs = new Map();
    this.ratios = new Map();
    this.expected = new Map();
    this.statuses = new Map();
    this.current = null;
  }

  /** Starts a member that tracks `tracked` (indicator codes, ratios included). */
  member(tracked: Iterable<string>): void {
    this.fold();
    const set = new Set(tracked);
    for (const code of set) this.expected.set(code, (this.expected.get(code) ?? 0) + 1);
    this.current = new Map() as MemberCells;
    this.current.tracked = set;
  }

  /**
   * One entered value of the current member (two values of the same cell add up); unknown,
   * ratio or out-of-range cells are ignored.
   */
  cell(indicator: string, slice: string, period: string, value: number): void {
    const ind = this.indicators.get(indicator);
    const at = this.buckets.slotOf(period);
    if (!this.current || !ind || ind.kind === 'ratio' || !at) return;
    let bySlice = this.current.get(indicator);
    if (!bySlice) this.current.set(indicator, (bySlice = new Map()));
    let byBucket = bySlice.get(slice);
    if (!byBucket) bySlice.set(slice, (byBucket = new Map()));
    let quarters = byBucket.get(at.bucket);
    if (!quarters) byBucket.set(at.bucket, (quarters = new Array(this.buckets.slots)));
    quarters[at.slot] = (quarters[at.slot] ?? 0) + value;
  }

  /** A pole of the group, with its quarters' workflow states. */
  pole(statusOf: (quarter: Quarter) => PeriodStatus): void {
    for (const bucket of this.buckets.all()) {
      let set = this.statuses.get(bucket);
      if (!set) this.statuses.set(bucket, (set = new Set()));
      for (const q of this.buckets.quartersOf(bucket)) set.add(statusOf(q));
    }
  }

  /** The group's rows: indicators in catalogue order, then slices, then periods. */
  end(): AggregateRow[] {
    this.fold();
    const rows: AggregateRow[] = [];
    const status = (bucket: string): RowStatus => {
      const set = this.statuses.get(bucket);
      if (!set || set.size === 0) return 'draft';
      return set.size === 1 ? [...set][0]! : 'mixed';
    };
    for (const [code, bySlice] of this.accs) {
      const ind = this.indicators.get(code)!;
      const expected = this.expected.get(code) ?? 0;
      for (const [slice, byBucket] of bySlice) {
        for (const [bucket, acc] of byBucket) {
          rows.push(
            this.row(
              ind,
              slice,
              bucket,
              acc.value,
              status(bucket),
              expected > 0 && acc.completeMembers === expected,
            ),
          );
        }
      }
    }
    for (const [code, byBucket] of this.ratios) {
      const ind = this.indicators.get(code)!;
      const expected = this.expected.get(code) ?? 0;
      for (const [bucket, r] of byBucket) {
        const value = r.pairs === 0 || r.den === 0 ? null : (r.num / r.den) * ind.scale;
        rows.push(
          this.row(
            ind,
            '',
            bucket,
            value,
            status(bucket),
            expected > 0 && r.completeMembers === expected,
          ),
        );
      }
    }
    const order = this.order;
    const rank = this.rank;
    const indOf = this.indicators;
    return rows.sort(
      (a, b) =>
        order.get(a.indicator)! - order.get(b.indicator)! ||
        rank(indOf.get(a.indicator)!, a.slice) - rank(indOf.get(b.indicator)!, b.slice) ||
        (a.slice < b.slice ? -1 : a.slice > b.slice ? 1 : 0) ||
        (a.period < b.period ? -1 : a.period > b.period ? 1 : 0),
    );
  }

  private row(
    ind: Indicator,
    slice: string,
    period: string,
    value: number | null,
    status: RowStatus,
    complete: boolean,
  ): AggregateRow {
    return {
      ...this.labels,
      indicator: ind.code,
      unit: ind.unit,
      period,
      slice,
      value,
      status,
      complete,
    };
  }

  /** Adds the current member's cells to the group. */
  private fold(): void {
    const m = this.current;
    if (!m) return;
    this.current = null;
    const slots = this.buckets.slots;
    for (const [code, bySlice] of m) {
      const stock = this.indicators.get(code)!.kind === 'stock';
      const tracked = m.tracked.has(code);
      for (const [slice, byBucket] of bySlice) {
        for (const [bucket, quarters] of byBucket) {
          let sum: number | null = null;
          let full = true;
          if (stock) {
            sum = quarters[slots - 1] ?? null;
            full = sum !== null;
          } else {
            for (let i = 0; i < slots; i++) {
              const v = quarters[i];
              if (v === undefined) full = false;
              else sum = (sum ?? 0) + v;
            }
          }
          const acc = this.acc(code, slice, bucket);
          if (sum !== null) acc.value = (acc.value ?? 0) + sum;
          if (full && tracked) acc.completeMembers += 1;
        }
      }
    }
    for (const ratio of this.catalogue.indicators) {
      if (ratio.kind !== 'ratio') continue;
      for (const [bucket, pair] of ratioPairs(ratio, m, this.indicators, slots)) {
        let r = this.ratios.get(ratio.code)?.get(bucket);
        if (!r) {
          r = { num: 0, den: 0, pairs: 0, completeMembers: 0 };
          let byBucket = this.ratios.get(ratio.code);
          if (!byBucket) this.ratios.set(ratio.code, (byBucket = new Map()));
          byBucket.set(bucket, r);
        }
        r.num += pair.num;
        r.den += pair.den;
        r.pairs += pair.pairs;
        if (pair.complete && m.tracked.has(ratio.code)) r.completeMembers += 1;
      }
    }
  }

  private acc(code: string, slice: string, bucket: string): Acc {
    let bySlice = this.accs.get(code);
    if (!bySlice) this.accs.set(code, (bySlice = new Map()));
    let byBucket = bySlice.get(slice);
    if (!byBucket) bySlice.set(slice, (byBucket = new Map()));
    let acc = byBucket.get(bucket);
    if (!acc) byBucket.set(bucket, (acc = { value: null, completeMembers: 0 }));
    return acc;
  }
}
