import type { Quarter } from '../domain.types';
import { quarterFromIndex, quarterIndex } from '../periods';
import type { Granularity } from './aggregation.types';

/**
 * The quarters of a range and how they group into output buckets: each quarter of `from`…`to`
 * (by quarter), or the whole calendar years that contain them (by year). Quarters are
 * addressed by their offset from the first one, buckets by their index.
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
      found = index >= 0 && index < this.quarters ? index : -1;
      this.cache.set(period, found);
    }
    return found;
  }

  /** The quarters of bucket `b`, in order. */
  quartersOf(b: number): Quarter[] {
    return Array.from({ length: this.slots }, (_, i) =>
      quarterFromIndex(this.lo + b * this.slots + i),
    );
  }
}
