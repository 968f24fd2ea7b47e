/**
 * Vega-Lite spec -> SVG text, in Node: Vega's headless view (`renderer: 'none'`) needs
 * no canvas and no browser. Rendering a chart takes tens of milliseconds and the
 * preview re-renders the whole report on every pause in typing, so identical specs
 * are rendered once and remembered.
 */
import { View, parse } from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { specHash } from './spec-hash.js';

/** Enough for every chart of several long reports; each entry is a few tens of kilobytes. */
const CACHE_LIMIT = 500;

/** Promises, not strings: two charts asking for the same spec at once share one render. */
const cache = new Map<string, Promise<string>>();
let renders = 0;

async function render(spec: TopLevelSpec): Promise<string> {
  renders++;
  const view = new View(parse(compile(spec).spec), { renderer: 'none' });
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
  if (known) {
    // Least recently used goes first: re-inserting moves the entry to the end.
    cache.delete(key);
    cache.set(key, known);
    return known;
  }
  const pending = render(spec);
  cache.set(key, pending);
  // A failed render is not remembered, so the next edit tries again.
  pending.catch(() => cache.delete(key));
  while (cache.size > CACHE_LIMIT) cache.delete(cache.keys().next().value!);
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
