/**
 * The CLI's host: the real disk, with the DfE data folder and the chart worker count
 * taken from the command line and the environment (the engine reads neither).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  createEngine,
  createNodeHost,
  parseChartWorkers,
  type Engine,
  type EngineHost,
} from '../engine/index.js';

export const DFE_DIR_ENV = 'SCORECARD_DFE_DIR';
/** 0 draws charts in the main thread (least memory); a number sets the worker count. */
export const CHART_WORKERS_ENV = 'SCORECARD_CHART_WORKERS';

/** `--dfe-dir`, else SCORECARD_DFE_DIR, else (in a checkout of this repository) `../shared/data/dfe`. */
export function cliHost(
  dfeDir: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): EngineHost {
  return createNodeHost({
    dfeDataFolder: dfeDir?.trim() || env[DFE_DIR_ENV]?.trim() || checkoutDfeDir(),
    chartWorkers: parseChartWorkers(env[CHART_WORKERS_ENV]),
    chartWorkerScript: bundledChartWorker(),
  });
}

/**
 * The engine every command runs on: one place, so no command can miss the DfE folder or
 * the chart worker (a folder passed as an option the engine does not know was ignored).
 */
export function cliEngine(
  options: { readonly allowedRoots: readonly string[]; readonly dfeDir?: string | undefined },
  host: EngineHost = cliHost(options.dfeDir),
): Engine {
  return createEngine({ allowedRoots: options.allowedRoots, host });
}

/**
 * From the CLI's bundle, charts are drawn by dist/chart-worker.cjs, which starts the
 * worker bundle with its code cache; run as TypeScript, by the engine's default worker.
 */
function bundledChartWorker(): URL | undefined {
  return import.meta.url.endsWith('.cjs')
    ? new URL('./chart-worker.cjs', import.meta.url)
    : undefined;
}

const PACKAGE_NAME = 'scorecard-md';

/**
 * `<repo>/../shared/data/dfe`, the repo being the nearest folder above this module whose
 * package.json is this project's (true for the sources and the bundle alike).
 */
export function checkoutDfeDir(): string | undefined {
  let folder = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(folder, 'package.json');
    if (existsSync(manifest) && isProjectManifest(manifest))
      return resolve(folder, '..', 'shared', 'data', 'dfe');
    const parent = dirname(folder);
    if (parent === folder) return undefined;
    folder = parent;
  }
}

function isProjectManifest(file: string): boolean {
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return (parsed as { name?: unknown } | null)?.name === PACKAGE_NAME;
  } catch {
    return false;
  }
}
