/**
 * Vega-Lite spec -> SVG text with Vega's headless view (`renderer: 'none'`): no canvas,
 * no browser. Its own module because it is the only one that loads Vega and Vega-Lite
 * (about 0.3 s): the render workers import it, and the main thread only when it has to
 * render in-thread.
 */
import { Error as ErrorLevel, View, logger, parse } from 'vega';
import type { Runtime } from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';
import { LruCache } from './lru-cache.js';

/**
 * Vega and Vega-Lite warn on the console by default; the CLI's output and the
 * extension's log are for the author's messages, so only errors get through.
 */
const quiet = logger(ErrorLevel);

/** The name the inline rows are given when a compiled chart is shared (see `runtimeFor`). */
const ROWS = 'sc_rows';

/**
 * Compiling Vega-Lite and parsing the Vega it gives cost more than drawing the chart,
 * and a report's trend charts mostly differ only in their rows. So each spec is compiled
 * with its rows taken out (a named data set instead), and the parsed result is shared by
 * every chart of that shape; each view is then given its own rows. Views never change
 * the parsed spec, so the SVG is byte for byte what compiling each spec alone gives
 * (a test holds this).
 */
const SHAPES_LIMIT = 200;
const shapes = new LruCache<string, Runtime>(SHAPES_LIMIT);

interface Split {
  readonly shapeKey: string;
  readonly shape: TopLevelSpec;
  readonly rows: readonly object[];
}

/** The spec without its inline rows, when it has them at the top. */
function splitRows(spec: TopLevelSpec): Split | undefined {
  const data = spec.data;
  if (!data || !('values' in data) || !Array.isArray(data.values) || 'format' in data) {
    return undefined;
  }
  const shape = { ...spec, data: { name: ROWS } } as TopLevelSpec;
  return { shapeKey: JSON.stringify(shape), shape, rows: data.values as object[] };
}

function parsed(spec: TopLevelSpec): Runtime {
  return parse(compile(spec, { logger: quiet }).spec);
}

function runtimeFor(split: Split): Runtime {
  let runtime = shapes.get(split.shapeKey);
  if (!runtime) {
    runtime = parsed(split.shape);
    shapes.set(split.shapeKey, runtime);
  }
  return runtime;
}

/** Renders one spec; rejects with Vega's error when the spec cannot be drawn. */
export async function renderSpec(spec: TopLevelSpec): Promise<string> {
  const split = splitRows(spec);
  const view = new View(split ? runtimeFor(split) : parsed(spec), {
    renderer: 'none',
    logLevel: ErrorLevel,
  });
  try {
    if (split) view.data(ROWS, split.rows);
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}

/** Forgets the compiled chart shapes (benches measure a render with nothing remembered). */
export function clearCompiledShapes(): void {
  shapes.clear();
}
