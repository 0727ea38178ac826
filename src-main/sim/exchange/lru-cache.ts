/** A small least-recently-used cache on a Map (insertion order is recency order). */
export class LruCache<K, V> {
  private readonly entries = new Map<K, V>();

  public constructor(private readonly capacity: number) {}

  /** The cached value, refreshed as most recently used. */
  public get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  /** Stores a value, dropping the least recently used one when full. */
  public set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    if (this.entries.size > this.capacity) {
      const oldest = this.entries.keys().next();
      if (oldest.done !== true) this.entries.delete(oldest.value);
    }
  }

  /** How many values are cached. */
  public get size(): number {
    return this.entries.size;
  }
}
