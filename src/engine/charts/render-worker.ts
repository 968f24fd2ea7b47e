/**
 * The worker side of the render pool (render-pool.ts): a spec in, the sanitized SVG
 * tree (draw-chart.ts) or the reason it failed out. Bundled on its own
 * (dist/render-worker.js for the engine library, dist/render-worker.cjs for the extension
 * and the CLI, whose workers start it through dist/chart-worker.cjs); run as TypeScript
 * under tsx in tests. It is the only bundle that carries Vega: when charts
 * are drawn in the main thread, the other bundles load this one for `ChartDrawer`.
 */
import { parentPort } from 'node:worker_threads';
import type { RenderReply, RenderRequest } from './render-pool.js';
import { ChartDrawer } from './draw-chart.js';

export { ChartDrawer } from './draw-chart.js';

const port = parentPort;
// A worker belongs to one engine's pool, so its compiled shapes are that engine's.
const drawer = port ? new ChartDrawer() : undefined;
port?.on('message', (request: RenderRequest) => {
  drawer!.draw(request.spec).then(
    (drawing) => port.postMessage({ id: request.id, drawing } satisfies RenderReply),
    (error: unknown) =>
      port.postMessage({
        id: request.id,
        failure: error instanceof Error ? error.message : String(error),
        isError: error instanceof Error,
      } satisfies RenderReply),
  );
});
