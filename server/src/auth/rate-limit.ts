/**
 * Fixed-window counters of failed attempts, in memory (one process serves the instance).
 * `hit` records one attempt; `blockedFor` says how many seconds remain before a key may try again.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until `key` may try again, or 0 when it is not blocked. */
  blockedFor(key: string): number {
    const w = this.windows.get(key);
    if (!w) return 0;
    const t = this.now();
    if (t >= w.resetAt) {
      this.windows.delete(key);
      return 0;
    }
    return w.count >= this.limit ? Math.ceil((w.resetAt - t) / 1000) : 0;
  }

  /** Attempts of `key` in its current window. */
  count(key: string): number {
    const w = this.windows.get(key);
    return w && this.now() < w.resetAt ? w.count : 0;
  }

  hit(key: string): void {
    const t = this.now();
    const w = this.windows.get(key);
    if (!w || t >= w.resetAt) this.windows.set(key, { count: 1, resetAt: t + this.windowMs });
    else w.count += 1;
    if (this.windows.size > 100_000) this.prune(t);
  }

  /** Takes back one attempt of `key` (a success counted in advance). */
  release(key: string): void {
    const w = this.windows.get(key);
    if (w && w.count > 0) w.count -= 1;
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  /** Forgets every key that starts with `prefix`. */
  resetPrefix(prefix: string): void {
    for (const k of this.windows.keys()) if (k.startsWith(prefix)) this.windows.delete(k);
  }

  private prune(t: number): void {
    for (const [k, w] of this.windows) if (t >= w.resetAt) this.windows.delete(k);
  }
}
