/**
 * Vega-Lite spec -> SVG text with Vega's headless view (`renderer: 'none'`): no canvas,
 * no browser. Its own module because it is the only one that loads Vega and Vega-Lite
 * (about 0.3 s): the render workers import it, and the main thread only when it has to
 * render in-thread.
 */
import { Error as ErrorLevel, View, logger, parse } from 'vega';
import { compile } from 'vega-lite';
import type { TopLevelSpec } from 'vega-lite';

/**
 * Vega and Vega-Lite warn on the console by default; the CLI's output and the
 * extension's log are for the author's messages, so only errors get through.
 */
const quiet = logger(ErrorLevel);

/** Renders one spec; rejects with Vega's error when the spec cannot be drawn. */
export async function renderSpec(spec: TopLevelSpec): Promise<string> {
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
