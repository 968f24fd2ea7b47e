/**
 * Debounces work per document and drops stale results: typing fires many changes, only
 * the latest version's render may reach the preview or the Problems panel.
 */

export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realTimers: Timers = {
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

export class Debouncer {
  private readonly pending = new Map<string, unknown>();

  constructor(
    private readonly delayMs: () => number,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Runs `task` after the delay unless `key` is scheduled again first. */
  schedule(key: string, task: () => void): void {
    this.cancel(key);
    const handle = this.timers.setTimeout(() => {
      this.pending.delete(key);
      task();
    }, this.delayMs());
    this.pending.set(key, handle);
  }

  cancel(key: string): void {
    const handle = this.pending.get(key);
    if (handle !== undefined) {
      this.timers.clearTimeout(handle);
      this.pending.delete(key);
    }
  }

  dispose(): void {
    for (const key of [...this.pending.keys()]) this.cancel(key);
  }
}

/**
 * Hands out a ticket per request; a result is applied only if its ticket is still the
 * newest for its key, so a slow render of an old version never overwrites a newer one.
 */
export class LatestOnly {
  private readonly newest = new Map<string, number>();
  private counter = 0;

  begin(key: string): number {
    const ticket = ++this.counter;
    this.newest.set(key, ticket);
    return ticket;
  }

  isCurrent(key: string, ticket: number): boolean {
    return this.newest.get(key) === ticket;
  }

  forget(key: string): void {
    this.newest.delete(key);
  }
}
