/** A least-recently-used map bounded by the total length of its string values. */
export class ByteLru {
  private readonly map = new Map<string, string>();
  private size = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): string | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: string, value: string): void {
    if (value.length > this.maxBytes / 4) return; // one answer never evicts the whole cache
    const old = this.map.get(key);
    if (old !== undefined) {
      this.size -= old.length;
      this.map.delete(key);
    }
    this.map.set(key, value);
    this.size += value.length;
    for (const [k, v] of this.map) {
      if (this.size <= this.maxBytes) break;
      this.map.delete(k);
      this.size -= v.length;
    }
  }

  clear(): void {
    this.map.clear();
    this.size = 0;
  }
}
