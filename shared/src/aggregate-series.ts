import type { TimeKind } from './aggregate';
import { ratioValue } from './aggregate';
import type { Catalogue, Indicator, RatioTerm } from './catalogue.schema';
import { TOTAL_SLICE } from './catalogue.schema';
import type { Cell, Quarter } from './domain.types';
import { quarterIndex } from './periods';

export interface SeriesOptions {
  /** `quarter`: one row per quarter; `year`: one row per calendar year (`'2025'`). */
  by: 'quarter' | 'year';
  from: Quarter;
  to: Quarter;
}

/** One aggregated number: `period` is a quarter (`2025Q2`) or a year (`2025`). */
export interface SeriesPoint {
  scope: string;
  indicator: string;
  slice: string;
  period: string;
  value: number | null;
  /** True when every quarter the value aggregates was entered (for a ratio: all its parts). */
  complete: boolean;
}

interface Bucket {
  period: string;
  bit: number;
}

interface Acc {
  point: SeriesPoint;
  kind: TimeKind;
  sum: number;
  stock: number | null;
  mask: number;
}

/**
 * Accumulators by scope → indicator → slice → period. Nested maps rather than one map of
 * concatenated keys: lookups hash the cells' own strings and allocate nothing per cell.
 */
class AccIndex {
  private readonly root = new Map<string, Map<string, Map<string, Map<string, Acc>>>>();
  readonly all: Acc[] = [];

  get(scope: string, indicator: string, slice: string, period: string): Acc | undefined {
    return this.root.get(scope)?.get(indicator)?.get(slice)?.get(period);
  }

  getOrCreate(scope: string, indicator: string, slice: string, period: string, kind: TimeKind) {
    const byIndicator = child(this.root, scope);
    const bySlice = child(byIndicator, indicator);
    const byPeriod = child(bySlice, slice);
    let acc = byPeriod.get(period);
    if (!acc) {
      const point = { scope, indicator, slice, period, value: null, complete: false };
      acc = { point, kind, sum: 0, stock: null, mask: 0 };
      byPeriod.set(period, acc);
      this.all.push(acc);
    }
    return acc;
  }
}

function child<K, V>(map: Map<K, Map<string, V>>, key: K): Map<string, V> {
  let found = map.get(key);
  if (!found) {
    found = new Map();
    map.set(key, found);
  }
  return found;
}

function bucketOf(period: Quarter, yearly: boolean, lo: number, hi: number): Bucket | null {
  let index: number;
  try {
    index = quarterIndex(period);
  } catch {
    return null;
  }
  if (index < lo || index > hi) return null;
  return yearly
    ? { period: String(Math.floor(index / 4)), bit: 1 << (index % 4) }
    : { period, bit: 1 };
}

/**
 * Aggregates entered cells per (scope, indicator, slice, quarter or year), in one pass.
 * - `by: 'quarter'`: rows for the quarters `from`…`to`; `by: 'year'`: rows for the whole
 *   calendar years containing `from`…`to` (a year always expects its four quarters).
 * - flows sum their quarters; a stock's year is its Q4 value (null, incomplete, if Q4 is
 *   missing). Cells sharing scope, indicator, period and slice are summed, so a caller may
 *   relabel `scope` (to a pole or region) to aggregate across scopes at the same date.
 * - Ratio indicators are recomputed as Σ numerator ÷ Σ denominator of the aggregated parts,
 *   for the total slice only, wherever one of their terms has a row; their value is null
 *   when the denominator is 0 or missing.
 * Cells of unknown indicators, of ratio indicators or outside the range are ignored. Rows
 * come in first-seen order, ratios last.
 * @throws RangeError when `from` or `to` is not a valid quarter.
 */
export function aggregateSeries(
  catalogue: Catalogue,
  cells: Iterable<Cell>,
  options: SeriesOptions,
): SeriesPoint[] {
  const yearly = options.by === 'year';
  let lo = quarterIndex(options.from);
  let hi = quarterIndex(options.to);
  if (yearly) {
    lo -= lo % 4;
    hi += 3 - (hi % 4);
  }
  const full = yearly ? 0b1111 : 1;
  const last = yearly ? 0b1000 : 1;
  const kinds = new Map<string, TimeKind>();
  for (const i of catalogue.indicators) if (i.kind !== 'ratio') kinds.set(i.code, i.kind);
  const buckets = new Map<string, Bucket | null>();
  const accs = new AccIndex();

  for (const cell of cells) {
    const kind = kinds.get(cell.indicator);
    if (kind === undefined) continue;
    let bucket = buckets.get(cell.period);
    if (bucket === undefined) {
      bucket = bucketOf(cell.period, yearly, lo, hi);
      buckets.set(cell.period, bucket);
    }
    if (bucket === null) continue;
    const acc = accs.getOrCreate(cell.scope, cell.indicator, cell.slice, bucket.period, kind);
    acc.mask |= bucket.bit;
    if (kind === 'flow') acc.sum += cell.value;
    else if (bucket.bit === last) acc.stock = (acc.stock ?? 0) + cell.value;
  }

  const points: SeriesPoint[] = new Array(accs.all.length);
  accs.all.forEach((acc, i) => {
    const flow = acc.kind === 'flow';
    acc.point.value = flow ? acc.sum : acc.stock;
    acc.point.complete = flow ? acc.mask === full : (acc.mask & last) !== 0;
    points[i] = acc.point;
  });
  return points.concat(ratioPoints(catalogue.indicators, accs));
}

function ratioPoints(indicators: readonly Indicator[], accs: AccIndex): SeriesPoint[] {
  // indicator → slice → the ratios using that term
  const byTerm = new Map<string, Map<string, Indicator[]>>();
  for (const ratio of indicators) {
    if (ratio.kind !== 'ratio') continue;
    for (const t of [...(ratio.numerator ?? []), ...(ratio.denominator ?? [])]) {
      const bySlice = child(byTerm, t.indicator);
      const list = bySlice.get(t.slice ?? TOTAL_SLICE) ?? [];
      if (!list.includes(ratio)) list.push(ratio);
      bySlice.set(t.slice ?? TOTAL_SLICE, list);
    }
  }
  const out = new AccIndex();
  const points: SeriesPoint[] = [];
  for (const { point } of accs.all) {
    for (const ratio of byTerm.get(point.indicator)?.get(point.slice) ?? []) {
      if (out.get(point.scope, ratio.code, TOTAL_SLICE, point.period)) continue;
      const acc = out.getOrCreate(point.scope, ratio.code, TOTAL_SLICE, point.period, 'flow');
      Object.assign(acc.point, ratioPoint(ratio, point.scope, point.period, accs));
      points.push(acc.point);
    }
  }
  return points;
}

function ratioPoint(ratio: Indicator, scope: string, period: string, accs: AccIndex) {
  let complete = true;
  const sum = (terms: readonly RatioTerm[] | null) => {
    let total: number | null = null;
    for (const t of terms ?? []) {
      const point = accs.get(scope, t.indicator, t.slice ?? TOTAL_SLICE, period)?.point;
      if (!point?.complete) complete = false;
      if (point && point.value !== null) total = (total ?? 0) + point.value;
    }
    return total;
  };
  const value = ratioValue(sum(ratio.numerator), sum(ratio.denominator), ratio.scale);
  return { value, complete };
}
