/**
 * One chart as a render worker makes it: Vega draws the SVG, and it is read and
 * sanitized there too, so the thread that builds the page only parses JSON and
 * prefixes the ids (reading and sanitizing a chart's SVG costs about as much as drawing
 * it warm).
 */
import type { TopLevelSpec } from 'vega-lite';
import { sanitizeSvg } from './svg-clean.js';
import { VegaRenderer } from './vega-render.js';

/** The sanitized `<svg>` hast element as JSON text; `null` when Vega drew none. */
export type SvgJson = string;

/** Draws charts with compiled shapes of its own (one per worker, or per engine in-thread). */
export class ChartDrawer {
  readonly #vega = new VegaRenderer();

  async draw(spec: TopLevelSpec): Promise<SvgJson> {
    return JSON.stringify(sanitizeSvg(await this.#vega.render(spec)) ?? null);
  }

  /** Forgets the compiled shapes (benches measure with nothing kept). */
  clear(): void {
    this.#vega.clear();
  }
}
