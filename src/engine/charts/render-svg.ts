/**
 * Vega-Lite spec -> sanitized SVG tree, in Node. Rendering a chart takes tens of
 * milliseconds and the preview re-renders the whole report on every pause in typing, so
 * identical specs are rendered once and remembered. Charts are drawn in a small pool of
 * worker threads (render-pool.ts), or in this thread where workers cannot run.
 */
import { availableParallelism } from 'node:os';
import type { TopLevelSpec } from 'vega-lite';
import type * as DrawChart from './draw-chart.js';
import type { SvgJson } from './draw-chart.js';
import { LruCache } from './lru-cache.js';
import { RenderPool, defaultWorkerUrl } from './render-pool.js';
import { specHash } from './spec-hash.js';

/** Enough for every chart of several long reports; each entry is a few tens of kilobytes. */
export const RENDER_CACHE_LIMIT = 500;

/** Promises, not drawings: two charts asking for the same spec at once share one render. */
const cache = new LruCache<string, Promise<SvgJson>>(RENDER_CACHE_LIMIT);
let renders = 0;

/** Vega is loaded on the first chart drawn in this thread, not with the engine. */
let vegaHere: typeof DrawChart | undefined;

async function renderHere(spec: TopLevelSpec): Promise<SvgJson> {
  vegaHere ??= await import('./draw-chart.js');
  return vegaHere.drawChart(spec);
}

/**
 * One worker per core beyond the first, at most two: this thread keeps a core for
 * parsing, resolving and building the page while the charts are drawn (on two cores a
 * second worker only takes turns with this thread, and loads Vega twice).
 * SCORECARD_CHART_WORKERS overrides it (0 draws in this thread: least memory). Unbundled
 * (tests, benches under tsx) charts render in this thread unless asked otherwise: a
 * TypeScript worker takes a second or more to start.
 */
function defaultWorkers(): number {
  const asked = process.env['SCORECARD_CHART_WORKERS'];
  if (asked !== undefined && /^\d+$/.test(asked)) return Math.min(Number(asked), 8);
  if (defaultWorkerUrl().pathname.endsWith('.ts')) return 0;
  return Math.max(0, Math.min(2, availableParallelism() - 1));
}

let pool = new RenderPool(defaultWorkers(), renderHere);

function render(spec: TopLevelSpec): Promise<SvgJson> {
  renders++;
  return pool.render(spec);
}

/**
 * Draws a spec as its sanitized `<svg>` element in JSON (`null` when Vega drew none),
 * from the cache when the same spec was drawn before. JSON because parsing it gives each
 * caller its own tree, cheaply, to prefix and place. `key` is the spec's `specHash`, for
 * a caller that has it already.
 */
export function renderChart(spec: TopLevelSpec, key = specHash(spec)): Promise<SvgJson> {
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

/** Starts the chart workers ahead of the first chart (an export that will draw charts). */
export function prestartRenderThreads(): void {
  pool.prestart();
}

/**
 * Chooses where charts are rendered from now on, stopping the current workers (for
 * tests and benches; by default `defaultWorkers()`).
 */
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

/**
 * Forgets every rendered chart, and the chart shapes compiled in this thread. Workers
 * keep theirs until they stop (after a while idle, or on `setRenderThreads`).
 */
export function clearRenderCache(): void {
  cache.clear();
  vegaHere?.clearCompiledShapes();
}
