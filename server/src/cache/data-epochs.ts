/**
 * Version counters that successful writes bump: one per pole (its values, targets, quarter
 * states) and one global (accounts, tokens, poles and scopes). A cached answer is keyed by the
 * counters it depends on, so the next request after a write never sees stale data.
 */
export class DataEpochs {
  private global = 0;
  private readonly poles = new Map<number, number>();

  bumpPole(poleId: number): void {
    this.poles.set(poleId, (this.poles.get(poleId) ?? 0) + 1);
  }

  bumpAll(): void {
    this.global += 1;
  }

  get globalEpoch(): number {
    return this.global;
  }

  /** The version of a pole's data, global changes included. */
  poleKey(poleId: number): string {
    return `${this.global}.${this.poles.get(poleId) ?? 0}`;
  }

  /**
   * The version of several poles' data, global changes included: the sum of their versions,
   * which grows with every write to any of them (the set of poles itself changes only with a
   * global change).
   */
  polesKey(poleIds: Iterable<number>): string {
    let sum = 0;
    for (const id of poleIds) sum += this.poles.get(id) ?? 0;
    return `${this.global}.${sum}`;
  }
}
