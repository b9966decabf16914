/**
 * A small LRU of computed analytics. Keys include the graph version (the change sequence stored
 * in Neo4j), so a write through any API instance makes every instance's older entries unreachable.
 */
export class AnalyticsCache {
  private entries = new Map<string, Promise<unknown>>();

  constructor(private readonly max = 200) {}

  /** The cached value of `key`, or the value `compute` makes (shared by concurrent callers). */
  get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    const hit = this.entries.get(key);
    if (hit) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit as Promise<T>;
    }
    const p = compute();
    this.entries.set(key, p);
    p.catch(() => this.entries.delete(key));
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value as string);
    return p;
  }

  clear(): void {
    this.entries.clear();
  }

  get size(): number {
    return this.entries.size;
  }
}

/** One cache per process, shared by every request. */
export const analyticsCache = new AnalyticsCache();
