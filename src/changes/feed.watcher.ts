import type { Database, Executor } from '../db/database';

/**
 * Watches the feed head for live subscriptions: one small read (`changes/version`) per interval,
 * only while some subscription waits, shared by all of this instance's subscriptions. Polling the
 * database (not an in-process event) also sees writes made through other instances.
 */
export class FeedWatcher {
  private readonly db: Executor;
  private readonly waiters = new Set<{ after: number; wake: () => void }>();
  private timer: NodeJS.Timeout | null = null;
  private head = 0;

  constructor(database: Database, private readonly intervalMs: number) {
    this.db = database.executor({ worker: 'subscriptions' });
  }

  /**
   * Resolves once the head is past `after` (checked every interval), or when `signal` aborts. When
   * the head is already past it (its changes are not visible yet), resolves after one interval.
   */
  waitPast(after: number, signal: AbortSignal): Promise<void> {
    if (signal.aborted) return Promise.resolve();
    if (this.head > after) {
      return new Promise((resolve) => {
        const timer = setTimeout(done, this.intervalMs);
        function done() {
          clearTimeout(timer);
          signal.removeEventListener('abort', done);
          resolve();
        }
        signal.addEventListener('abort', done, { once: true });
      });
    }
    return new Promise((resolve) => {
      const waiter = {
        after,
        wake: () => {
          this.waiters.delete(waiter);
          signal.removeEventListener('abort', waiter.wake);
          resolve();
        },
      };
      signal.addEventListener('abort', waiter.wake, { once: true });
      this.waiters.add(waiter);
      this.poll();
    });
  }

  /** Stops polling and wakes every waiter (at shutdown). */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    for (const w of [...this.waiters]) w.wake();
  }

  private poll(): void {
    if (this.timer || this.waiters.size === 0) return;
    this.timer = setTimeout(async () => {
      try {
        const [row] = await this.db.read('changes/version');
        this.head = Math.max(this.head, row?.version ?? 0);
        for (const w of [...this.waiters]) if (this.head > w.after) w.wake();
      } catch {
        // Neo4j unreachable: keep waiting; the next poll tries again.
      } finally {
        this.timer = null;
        this.poll();
      }
    }, this.intervalMs);
    this.timer.unref();
  }
}
