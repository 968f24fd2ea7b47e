/**
 * Vega-Lite spec -> SVG text, in Node: Vega's headless view (`renderer: 'none'`) needs
 * no canvas and no browser. Rendering a chart takes tens of milliseconds and the
 * preview re-renders the whole report on every pause in typing, so identical specs
 * are rendered once and remembered.
 */
import { Error as ErrorLevel, View, logger, parse } from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { LruCache } from './lru-cache.js';
import { specHash } from './spec-hash.js';

/** Enough for every chart of several long reports; each entry is a few tens of kilobytes. */
export const RENDER_CACHE_LIMIT = 500;

/** Promises, not strings: two charts asking for the same spec at once share one render. */
const cache = new LruCache<string, Promise<string>>(RENDER_CACHE_LIMIT);
let renders = 0;

/**
 * Vega and Vega-Lite warn on the console by default; the CLI's output and the
 * extension's log are for the author's messages, so only errors get through.
 */
const quiet = logger(ErrorLevel);

async function render(spec: TopLevelSpec): Promise<string> {
  renders++;
  const view = new View(parse(compile(spec, { logger: quiet }).spec), {
    renderer: 'none',
    logLevel: ErrorLevel,
  });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
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

/** How many times Vega actually rendered, and how many specs are remembered (for tests and benches). */
export function renderStats(): { readonly renders: number; readonly cached: number } {
  return { renders, cached: cache.size };
}

/** Forgets every rendered chart. */
export function clearRenderCache(): void {
  cache.clear();
}
