import type { Quarter } from '../domain.types';
import { quarterFromIndex, quarterIndex } from '../periods';
import type { Granularity } from './aggregation.types';

/** Where a quarter falls in the output: its bucket (quarter or year) and its slot in it. */
export interface Slot {
  bucket: string;
  /** 0 for quarters; 0–3 (Q1–Q4) within a year. */
  slot: number;
}

/**
 * The buckets of a range: the quarters `from`…`to`, or the whole calendar years that contain
 * them. `slots` is the number of quarters a bucket holds (1 or 4).
 * @throws RangeError on an invalid quarter.
 */
export class Buckets {
  readonly slots: number;
  readonly lo: number;
  readonly hi: number;
  private readonly cache = new Map<string, Slot | null>();

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
    this.hi = hi;
    this.slots = by === 'year' ? 4 : 1;
  }

  /** The slot of `period`, or null when it is outside the range or malformed. */
  slotOf(period: string): Slot | null {
    let found = this.cache.get(period);
    if (found === undefined) {
      let index: number;
      try {
        index = quarterIndex(period);
      } catch {
        index = -1;
      }
      found =
        index < this.lo || index > this.hi
          ? null
          : this.by === 'year'
            ? { bucket: String(Math.floor(index / 4)), slot: index % 4 }
            : { bucket: period, slot: 0 };
      this.cache.set(period, found);
    }
    return found;
  }

  /** The quarters of a bucket, in order. */
  quartersOf(bucket: string): Quarter[] {
    if (this.by === 'quarter') return [bucket];
    const base = Number(bucket) * 4;
    return [0, 1, 2, 3].map((i) => quarterFromIndex(base + i));
  }

  /** Every bucket of the range, in order. */
  all(): string[] {
    const out: string[] = [];
    for (let i = this.lo; i <= this.hi; i += this.slots) {
      out.push(this.by === 'year' ? String(Math.floor(i / 4)) : quarterFromIndex(i));
    }
    return out;
  }
}
