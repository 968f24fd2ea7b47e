/**
 * Vega-Lite spec -> SVG text, in Node. Rendering a chart takes tens of milliseconds and
 * the preview re-renders the whole report on every pause in typing, so identical specs
 * are rendered once and remembered. Charts are drawn in a small pool of worker threads
 * (render-pool.ts), or in this thread where workers cannot run.
 */
import { availableParallelism } from 'node:os';
import type { TopLevelSpec } from 'vega-lite';
import { LruCache } from './lru-cache.js';
import { RenderPool, defaultWorkerUrl } from './render-pool.js';
import { specHash } from './spec-hash.js';

/** Enough for every chart of several long reports; each entry is a few tens of kilobytes. */
export const RENDER_CACHE_LIMIT = 500;

/** Promises, not strings: two charts asking for the same spec at once share one render. */
const cache = new LruCache<string, Promise<string>>(RENDER_CACHE_LIMIT);
let renders = 0;

/** Vega is loaded on the first chart drawn in this thread, not with the engine. */
async function renderHere(spec: TopLevelSpec): Promise<string> {
  const { renderSpec } = await import('./vega-render.js');
  return renderSpec(spec);
}

/**
 * Two workers where there are two cores or more (one core gains nothing). Unbundled
 * (tests, benches under tsx) charts render in this thread unless asked otherwise: a
 * TypeScript worker takes a second or more to start.
 */
const DEFAULT_WORKERS =
  availableParallelism() >= 2 && !defaultWorkerUrl().pathname.endsWith('.ts') ? 2 : 0;
let pool = new RenderPool(DEFAULT_WORKERS, renderHere);

function render(spec: TopLevelSpec): Promise<string> {
  renders++;
  return pool.render(spec);
}

/** Renders a spec to SVG text, from the cache when the same spec was rendered before. */
export function renderSvg(spec: TopLevelSpec): Promise<string> {
  const key = specHash(spec);
  const known = cache.get(key);
  if (known) return known;
  const pending = render(spec);
  cache.set(key, pending);
  // A failed render is not remembered, so the next edit tries again.
  pending.catch(() => cache.deleteIf(key, pending));
  return pending;
}

export interface RenderThreadOptions {
  /** Worker threads to render in; 0 renders in this thread. */
  readonly workers: number;
  /** The worker script (tests point it at one that cannot start). */
  readonly workerUrl?: URL;
}

/**
 * Chooses where charts are rendered from now on, stopping the current workers (for
 * tests and benches; by default two workers, or this thread on a one-core machine).
 */
/** Starts the chart workers ahead of the first chart (an export that will draw charts). */
export function prestartRenderThreads(): void {
  pool.prestart();
}

export function setRenderThreads(options: Readonly<RenderThreadOptions>): void {
  pool.close();
  pool = new RenderPool(options.workers, renderHere, options.workerUrl);
}

/** How many times Vega actually rendered, and how many specs are remembered (for tests and benches). */
export function renderStats(): {
  readonly renders: number;
  readonly cached: number;
  /** Whether charts are rendered in worker threads (false when they could not start). */
  readonly usesWorkers: boolean;
  /** Worker threads running now (they start on the first chart and stop when idle). */
  readonly workers: number;
} {
  return { renders, cached: cache.size, usesWorkers: pool.usesWorkers, workers: pool.running };
}

/** Forgets every rendered chart. */
export function clearRenderCache(): void {
  cache.clear();
}
