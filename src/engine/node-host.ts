/**
 * The host on the real disk, as the CLI and the extension pass it. It reads nothing from
 * the environment: the faces turn their flags, settings and environment variables into
 * these options.
 */
import fs from 'node:fs';
import { readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import { defaultWorkerUrl } from './charts/render-pool.js';
import type { EngineHost, HostStat } from './host.js';

export interface NodeHostOptions {
  /** The DfE data folder; none when not given. */
  readonly dfeDataFolder?: string | undefined;
  /** Chart worker threads (at most 8); by default `defaultChartWorkers()`. */
  readonly chartWorkers?: number | undefined;
  /** The script chart workers start from (see `EngineHost`); by default the worker bundle. */
  readonly chartWorkerScript?: URL | undefined;
}

/** Most workers a host may ask for: each holds a copy of Vega (tens of megabytes). */
export const MAX_CHART_WORKERS = 8;

export function createNodeHost(options: Readonly<NodeHostOptions> = {}): EngineHost {
  const folder = options.dfeDataFolder?.trim();
  const workers = options.chartWorkers;
  return {
    readFile: (path) => readFile(path),
    // Stat-ed at once, as realPath is: a render stats each data file to learn it has not
    // changed, and waiting on the thread pool for that cost more than the rest of a
    // keystroke's render (a tenth of a millisecond or more on a busy machine).
    stat: async (path): Promise<HostStat> => {
      const found = fs.statSync(path);
      return {
        kind: found.isFile() ? 'file' : found.isDirectory() ? 'folder' : 'other',
        size: found.size,
        mtimeMs: found.mtimeMs,
      };
    },
    realPath: (path) => {
      try {
        return fs.realpathSync.native(path);
      } catch {
        return undefined;
      }
    },
    ...(folder ? { dfeDataFolder: resolve(folder) } : {}),
    ...(options.chartWorkerScript ? { chartWorkerScript: options.chartWorkerScript } : {}),
    chartWorkers:
      workers !== undefined && Number.isInteger(workers) && workers >= 0
        ? Math.min(workers, MAX_CHART_WORKERS)
        : defaultChartWorkers(),
  };
}

/**
 * One worker per core beyond the first, at most two: this thread keeps a core for
 * parsing, resolving and building the page while the charts are drawn (on two cores a
 * second worker only takes turns with this thread, and loads Vega twice). Unbundled
 * (tests, benches under tsx) charts are drawn in this thread: a TypeScript worker takes a
 * second or more to start.
 */
export function defaultChartWorkers(): number {
  if (defaultWorkerUrl().pathname.endsWith('.ts')) return 0;
  return Math.max(0, Math.min(2, availableParallelism() - 1));
}

/** A worker count as written in a setting or an environment variable; undefined unless a whole number. */
export function parseChartWorkers(text: string | undefined): number | undefined {
  return text !== undefined && /^\s*\d+\s*$/.test(text) ? Number(text) : undefined;
}
