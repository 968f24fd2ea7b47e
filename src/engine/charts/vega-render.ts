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
import { sortAxisItems } from './scene-order.js';

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
 * every chart of that shape.
 */
const SHAPES_LIMIT = 200;

/**
 * Building a view from the parsed spec (its dataflow, expressions and sub-flows) costs
 * more than drawing with it, so a view that drew a chart is kept and given the next chart
 * of the same shape (`nextChart`). Its output must not depend on what it drew before:
 * the SVG is byte for byte what a new view draws, and a property test holds this over
 * random sequences of charts.
 */
const IDLE_VIEWS_LIMIT = 20;

interface IdleView {
  readonly view: View;
  /** The size the spec gave the view, before autosize fitted it to the first chart. */
  readonly width: number;
  readonly height: number;
}

interface Split {
  readonly shapeKey: string;
  readonly shape: TopLevelSpec;
  readonly rows: readonly object[];
  /** The values of the spec's plain parameters (such as an axis's ends), set as signals. */
  readonly values: ReadonlyArray<readonly [name: string, value: unknown]>;
}

/**
 * The spec without its inline rows, when it has them at the top, and without the values
 * of its plain top-level parameters (a name and a value, nothing bound or selected): a
 * chart's axis ends are its own, and would otherwise make every chart a shape of its own.
 */
function splitRows(spec: TopLevelSpec): Split | undefined {
  const data = spec.data;
  if (!data || !('values' in data) || !Array.isArray(data.values) || 'format' in data) {
    return undefined;
  }
  const params = 'params' in spec && Array.isArray(spec.params) ? spec.params : [];
  const values: Array<readonly [string, unknown]> = [];
  const shapeParams = params.map((param: object) => {
    const keys = Object.keys(param).sort().join();
    if (keys !== 'name,value' || !('value' in param) || !('name' in param)) return param;
    values.push([String(param.name), param.value]);
    return { name: param.name, value: null };
  });
  const shape = {
    ...spec,
    ...(params.length > 0 ? { params: shapeParams } : {}),
    data: { name: ROWS },
  } as TopLevelSpec;
  return { shapeKey: JSON.stringify(shape), shape, rows: data.values as object[], values };
}

function parsed(spec: TopLevelSpec): Runtime {
  return parse(compile(spec, { logger: quiet }).spec);
}

function newView(runtime: Runtime): View {
  return new View(runtime, { renderer: 'none', logLevel: ErrorLevel });
}

/**
 * Readies a view that drew a chart for the next one. Vega updates a view incrementally,
 * and three things would leak from the last chart:
 * - autosize fits the view once, so later rows would be drawn at the last chart's fitted
 *   size: the size is put back to the spec's, and `resize` asks for a fit;
 * - a layout fitted while the last chart's marks were leaving can differ by a pixel (found
 *   by the property test): empty rows are run through first, so every data mark leaves;
 * - axis ticks are keyed by value, and one that recurs keeps its place ahead of the new
 *   ones: `sortAxisItems` puts them back in tick order before drawing.
 */
async function nextChart(idle: IdleView): Promise<void> {
  idle.view.data(ROWS, []);
  await idle.view.runAsync();
  idle.view.width(idle.width).height(idle.height).resize();
}

async function draw(view: View): Promise<string> {
  await view.runAsync();
  sortAxisItems(view);
  return view.toSVG();
}

async function drawAlone(spec: TopLevelSpec): Promise<string> {
  const view = newView(parsed(spec));
  try {
    return await draw(view);
  } finally {
    view.finalize();
  }
}

/**
 * Draws specs, keeping the compiled shapes and idle views it made: one per render thread
 * (each worker, and each engine drawing in its own thread), never shared by two engines.
 */
export class VegaRenderer {
  readonly #shapes = new LruCache<string, Runtime>(SHAPES_LIMIT);
  readonly #idleViews = new LruCache<string, IdleView>(IDLE_VIEWS_LIMIT);

  /** Shapes compiled and views made since the last `clear` (for tests and benches). */
  readonly made = { shapes: 0, views: 0 };
  /** The last chart of each shape queued, which the next of that shape waits for. */
  readonly #turns = new Map<string, Promise<unknown>>();

  /** Renders one spec; rejects with Vega's error when the spec cannot be drawn. */
  render(spec: TopLevelSpec): Promise<string> {
    const split = splitRows(spec);
    if (!split) return drawAlone(spec);
    // Charts of one shape take turns with one view: a report's charts are queued all at
    // once, and a view for each would cost more than drawing them (this thread draws one
    // at a time anyway).
    const before = this.#turns.get(split.shapeKey);
    const drawn = before ? before.then(() => this.#drawShape(split)) : this.#drawShape(split);
    const turn = drawn.catch(() => undefined);
    this.#turns.set(split.shapeKey, turn);
    void turn.then(() => {
      if (this.#turns.get(split.shapeKey) === turn) this.#turns.delete(split.shapeKey);
    });
    return drawn;
  }

  async #drawShape(split: Split): Promise<string> {
    // Taken out while it draws: a chart that did not wait its turn needs a view of its own.
    let idle = this.#idleViews.get(split.shapeKey);
    if (idle) this.#idleViews.deleteIf(split.shapeKey, idle);
    try {
      if (idle) await nextChart(idle);
      else {
        const view = newView(this.#runtimeFor(split));
        this.made.views++;
        idle = { view, width: view.width(), height: view.height() };
      }
      idle.view.data(ROWS, split.rows);
      for (const [name, value] of split.values) idle.view.signal(name, value);
      const svg = await draw(idle.view);
      this.#idleViews.set(split.shapeKey, idle);
      return svg;
    } catch (error) {
      // A view that failed part-way is in no state to draw another chart.
      idle?.view.finalize();
      throw error;
    }
  }

  /** Forgets the compiled chart shapes and their views (benches measure with nothing kept). */
  clear(): void {
    this.#turns.clear();
    this.made.shapes = this.made.views = 0;
    this.#shapes.clear();
    this.#idleViews.clear();
  }

  #runtimeFor(split: Split): Runtime {
    let runtime = this.#shapes.get(split.shapeKey);
    if (!runtime) {
      runtime = parsed(split.shape);
      this.made.shapes++;
      this.#shapes.set(split.shapeKey, runtime);
    }
    return runtime;
  }
}
