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

const SEP = '\u0000';
const key = (scope: string, indicator: string, slice: string, period: string) =>
  scope + SEP + indicator + SEP + slice + SEP + period;

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
  const accs = new Map<string, Acc>();

  for (const cell of cells) {
    const kind = kinds.get(cell.indicator);
    if (kind === undefined) continue;
    let bucket = buckets.get(cell.period);
    if (bucket === undefined) {
      bucket = bucketOf(cell.period, yearly, lo, hi);
      buckets.set(cell.period, bucket);
    }
    if (bucket === null) continue;
    const k = key(cell.scope, cell.indicator, cell.slice, bucket.period);
    let acc = accs.get(k);
    if (!acc) {
      const { scope, indicator, slice } = cell;
      const point = {
        scope,
        indicator,
        slice,
        period: bucket.period,
        value: null,
        complete: false,
      };
      acc = { point, kind, sum: 0, stock: null, mask: 0 };
      accs.set(k, acc);
    }
    acc.mask |= bucket.bit;
    if (kind === 'flow') acc.sum += cell.value;
    else if (bucket.bit === last) acc.stock = (acc.stock ?? 0) + cell.value;
  }

  const points: SeriesPoint[] = [];
  for (const acc of accs.values()) {
    const flow = acc.kind === 'flow';
    acc.point.value = flow ? acc.sum : acc.stock;
    acc.point.complete = flow ? acc.mask === full : (acc.mask & last) !== 0;
    points.push(acc.point);
  }
  return points.concat(ratioPoints(catalogue.indicators, accs));
}

const termKey = (t: RatioTerm) => t.indicator + SEP + (t.slice ?? TOTAL_SLICE);

function ratioPoints(indicators: readonly Indicator[], accs: Map<string, Acc>): SeriesPoint[] {
  const byTerm = new Map<string, Indicator[]>();
  for (const ratio of indicators) {
    if (ratio.kind !== 'ratio') continue;
    for (const t of [...(ratio.numerator ?? []), ...(ratio.denominator ?? [])]) {
      const list = byTerm.get(termKey(t)) ?? [];
      if (!list.includes(ratio)) list.push(ratio);
      byTerm.set(termKey(t), list);
    }
  }
  const points = new Map<string, SeriesPoint>();
  for (const { point } of accs.values()) {
    for (const ratio of byTerm.get(point.indicator + SEP + point.slice) ?? []) {
      const k = key(point.scope, ratio.code, TOTAL_SLICE, point.period);
      if (points.has(k)) continue;
      points.set(k, ratioPoint(ratio, point.scope, point.period, accs));
    }
  }
  return [...points.values()];
}

function ratioPoint(ratio: Indicator, scope: string, period: string, accs: Map<string, Acc>) {
  let complete = true;
  const sum = (terms: readonly RatioTerm[] | null) => {
    let total: number | null = null;
    for (const t of terms ?? []) {
      const point = accs.get(key(scope, t.indicator, t.slice ?? TOTAL_SLICE, period))?.point;
      if (!point?.complete) complete = false;
      if (point && point.value !== null) total = (total ?? 0) + point.value;
    }
    return total;
  };
  const value = ratioValue(sum(ratio.numerator), sum(ratio.denominator), ratio.scale);
  return { scope, indicator: ratio.code, slice: TOTAL_SLICE, period, value, complete };
}
