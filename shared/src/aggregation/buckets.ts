import type { Quarter } from '../domain.types';
import { quarterFromIndex, quarterIndex } from '../periods';
import type { Granularity } from './aggregation.types';

/**
 * The quarters of a range and how they group into output buckets: each quarter of `from`…`to`
 * (by quarter), or the calendar years that contain them (by year) — a year cut by the range
 * holds only its quarters in range (`2026` up to `to=2026Q3` is Q1–Q3: year to date). Quarters
 * are addressed by their offset from the first quarter of the first bucket.
 * @throws RangeError on an invalid quarter.
 */
export class Buckets {
  /** Quarters per bucket: 1 or 4. */
  readonly slots: number;
  readonly quarters: number;
  readonly count: number;
  /** Bucket labels: `2025Q2` or `2025`. */
  readonly labels: string[];
  private readonly lo: number;
  /** Offsets of `from` and `to`. */
  private readonly first: number;
  private readonly last: number;
  private readonly cache = new Map<string, number>();

  constructor(
    readonly by: Granularity,
    from: Quarter,
    to: Quarter,
  ) {
    let lo = quarterIndex(from);
    let hi = quarterIndex(to);
    if (by === 'year') {
      lo -= lo % 4;
      hi += 3 - (hi % 4);
    }
    this.lo = lo;
    this.first = quarterIndex(from) - lo;
    this.last = quarterIndex(to) - lo;
    this.slots = by === 'year' ? 4 : 1;
    this.quarters = Math.max(0, hi - lo + 1);
    this.count = this.quarters / this.slots;
    this.labels = Array.from({ length: this.count }, (_, b) =>
      by === 'year' ? String((lo + b * 4) / 4) : quarterFromIndex(lo + b),
    );
  }

  /** The offset of `period` in the range, or -1 when outside or malformed. */
  offsetOf(period: string): number {
    let found = this.cache.get(period);
    if (found === undefined) {
      let index: number;
      try {
        index = quarterIndex(period) - this.lo;
      } catch {
        index = -1;
      }
      found = index >= this.first && index <= this.last ? index : -1;
      this.cache.set(period, found);
    }
    return found;
  }

  /** The first and last offsets (inclusive) of bucket `b` that are in range. */
  span(b: number): [number, number] {
    return [Math.max(b * this.slots, this.first), Math.min((b + 1) * this.slots - 1, this.last)];
  }

  /** The in-range quarters of bucket `b`, in order. */
  quartersOf(b: number): Quarter[] {
    const [start, end] = this.span(b);
    return Array.from({ length: end - start + 1 }, (_, i) => quarterFromIndex(this.lo + start + i));
  }

  /** The first and last quarters of the range. */
  get range(): [Quarter, Quarter] {
    return [quarterFromIndex(this.lo + this.first), quarterFromIndex(this.lo + this.last)];
  }
}
