/**
 * One chart as a render worker makes it: Vega draws the SVG, and it is read and
 * sanitized there too, so the thread that builds the page only parses JSON and
 * prefixes the ids (reading and sanitizing a chart's SVG costs about as much as drawing
 * it warm).
 */
import type { TopLevelSpec } from 'vega-lite';
import { sanitizeSvg } from './svg-clean.js';
import { renderSpec } from './vega-render.js';

/** The sanitized `<svg>` hast element as JSON text; `null` when Vega drew none. */
export type SvgJson = string;

export async function drawChart(spec: TopLevelSpec): Promise<SvgJson> {
  return JSON.stringify(sanitizeSvg(await renderSpec(spec)) ?? null);
}

export { clearCompiledShapes } from './vega-render.js';
