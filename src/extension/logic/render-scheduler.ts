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
    private readonly delayMs: (key: string) => number,
    private readonly timers: Timers = realTimers,
  ) {}

  /** Runs `task` after the delay unless `key` is scheduled again first. */
  schedule(key: string, task: () => void): void {
    this.cancel(key);
    const handle = this.timers.setTimeout(() => {
      this.pending.delete(key);
      task();
    }, this.delayMs(key));
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

/** A burst of change events from one action (a paste, an undo) still makes one render. */
export const ADAPTIVE_FLOOR_MS = 30;

/**
 * How long to wait after a keystroke before rendering, from how long the last render took:
 * a report that re-renders in 20 ms is shown almost at once, one that takes a second waits
 * for the typing to pause rather than render (and be cancelled) on every key. The setting
 * is the cap; the floor lets a burst of change events from one action share one render.
 */
export class AdaptiveDelay {
  /** The last render's time per key (ms). */
  private readonly last = new Map<string, number>();

  constructor(
    private readonly capMs: () => number,
    private readonly floorMs = ADAPTIVE_FLOOR_MS,
  ) {}

  /**
   * The delay for `key`: its last render time, within [floor, cap]. Waiting as long as a
   * render takes keeps renders from queuing behind keys typed faster than they finish.
   */
  delayFor(key: string): number {
    const cap = this.capMs();
    const last = this.last.get(key);
    // Nothing measured yet: the setting.
    if (last === undefined) return cap;
    return Math.min(cap, Math.max(this.floorMs, Math.round(last)));
  }

  record(key: string, ms: number): void {
    this.last.set(key, ms);
  }

  forget(key: string): void {
    this.last.delete(key);
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
