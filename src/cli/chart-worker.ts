/**
 * The CLI's chart worker (bundled alone as dist/chart-worker.cjs; the CLI's host names it
 * to the engine): the worker bundle beside it, compiled with its code cache as the CLI's
 * own bundle is (start.ts). Vega is most of that bundle, and every export starts a worker.
 *
 * A worker is stopped, or dies with its process: it never sees an exit to write its cache
 * at. So in the build's training export (`writingCodeCache`) it writes the cache
 * after each chart it sends back, holding every function drawing it has compiled.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parentPort } from 'node:worker_threads';
import { runBundle, writingCodeCache } from './code-cache.js';

const dist = dirname(fileURLToPath(import.meta.url));
const run = runBundle(join(dist, 'render-worker.cjs'));
const port = parentPort;
if (port && writingCodeCache()) {
  const send = port.postMessage.bind(port);
  port.postMessage = (message: unknown): void => {
    send(message);
    run.saveCache();
  };
}
