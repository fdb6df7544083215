/** A least-recently-used map of byte arrays, bounded by their total size in bytes. */
export class ByteLru {
  private readonly map = new Map<string, Uint8Array<ArrayBuffer>>();
  private size = 0;

  constructor(private readonly maxBytes: number) {}

  get(key: string): Uint8Array<ArrayBuffer> | undefined {
    const value = this.map.get(key);
    if (value !== undefined) {
      this.map.delete(key);
      this.map.set(key, value);
    }
    return value;
  }

  set(key: string, value: Uint8Array<ArrayBuffer>): void {
    if (value.byteLength > this.maxBytes / 4) return; // one answer never evicts the whole cache
    const old = this.map.get(key);
    if (old !== undefined) {
      this.size -= old.byteLength;
      this.map.delete(key);
    }
    this.map.set(key, value);
    this.size += value.byteLength;
    for (const [k, v] of this.map) {
      if (this.size <= this.maxBytes) break;
      this.map.delete(k);
      this.size -= v.byteLength;
    }
  }

  /** The arrays kept, least recently used first. */
  values(): IterableIterator<Uint8Array<ArrayBuffer>> {
    return this.map.values();
  }

  clear(): void {
    this.map.clear();
    this.size = 0;
  }
}
