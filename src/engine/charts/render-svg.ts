/**
 * Vega-Lite spec -> sanitized SVG tree, in Node. Rendering a chart takes tens of
 * milliseconds and the preview re-renders the whole report on every pause in typing, so
 * identical specs are rendered once and remembered. Charts are drawn in a small pool of
 * worker threads (render-pool.ts), or in this thread where workers cannot run. Each
 * engine owns one `ChartRenderer`: two engines share no cache, pool or compiled shape.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { ChartDrawer, SvgJson } from './draw-chart.js';
import { LruCache } from './lru-cache.js';
import { RenderPool } from './render-pool.js';
import { specHash } from './spec-hash.js';

/** Enough for every chart of several long reports; each entry is a few tens of kilobytes. */
export const RENDER_CACHE_LIMIT = 500;

export interface RenderThreadOptions {
  /** Worker threads to render in (the host's `chartWorkers`); 0 renders in this thread. */
  readonly workers: number;
  /** The worker script (tests point it at one that cannot start). */
  readonly workerUrl?: URL;
}

export interface RenderStats {
  /** How many times Vega actually rendered. */
  readonly renders: number;
  /** How many specs are remembered. */
  readonly cached: number;
  /** Whether charts are rendered in worker threads (false when they could not start). */
  readonly usesWorkers: boolean;
  /** Worker threads running now (they start on the first chart and stop when idle). */
  readonly workers: number;
}

export class ChartRenderer {
  /** Promises, not drawings: two charts asking for the same spec at once share one render. */
  readonly #cache = new LruCache<string, Promise<SvgJson>>(RENDER_CACHE_LIMIT);
  #renders = 0;
  /** Vega is loaded on the first chart drawn in this thread, not with the engine. */
  #drawer: Promise<ChartDrawer> | undefined;
  #pool: RenderPool;

  constructor(options: Readonly<RenderThreadOptions>) {
    this.#pool = this.#newPool(options);
  }

  /**
   * Draws a spec as its sanitized `<svg>` element in JSON (`null` when Vega drew none),
   * from the cache when the same spec was drawn before. JSON because parsing it gives each
   * caller its own tree, cheaply, to prefix and place. `key` is the spec's `specHash`, for
   * a caller that has it already.
   */
  render(spec: TopLevelSpec, key = specHash(spec)): Promise<SvgJson> {
    const known = this.#cache.get(key);
    if (known) return known;
    this.#renders++;
    const pending = this.#pool.render(spec);
    this.#cache.set(key, pending);
    // A failed render is not remembered, so the next edit tries again.
    pending.catch(() => this.#cache.deleteIf(key, pending));
    return pending;
  }

  /** Starts the chart workers ahead of the first chart (an export that will draw charts). */
  prestart(): void {
    this.#pool.prestart();
  }

  /** Chooses where charts are rendered from now on, stopping the current workers. */
  setThreads(options: Readonly<RenderThreadOptions>): void {
    this.#pool.close();
    this.#pool = this.#newPool(options);
  }

  stats(): RenderStats {
    return {
      renders: this.#renders,
      cached: this.#cache.size,
      usesWorkers: this.#pool.usesWorkers,
      workers: this.#pool.running,
    };
  }

  /**
   * Forgets every rendered chart, and the chart shapes compiled in this thread. Workers
   * keep theirs until they stop (after a while idle, or on `setThreads`).
   */
  clear(): void {
    this.#cache.clear();
    void this.#drawer?.then((drawer) => drawer.clear());
  }

  /** Stops the workers (they also stop by themselves after a while idle). */
  close(): void {
    this.#pool.close();
  }

  #newPool(options: Readonly<RenderThreadOptions>): RenderPool {
    return new RenderPool(options.workers, (spec) => this.#drawHere(spec), options.workerUrl);
  }

  async #drawHere(spec: TopLevelSpec): Promise<SvgJson> {
    this.#drawer ??= import('./draw-chart.js').then(({ ChartDrawer }) => new ChartDrawer());
    return (await this.#drawer).draw(spec);
  }
}
