// Bundles the three faces and the engine library with esbuild, and writes the library's
// declarations with tsc; `tsc --noEmit` checks types separately (npm run typecheck).
import { build } from 'esbuild';
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  // Charts are rendered to SVG only. vega-canvas's Node build probes for the native
  // `canvas` package with a top-level await (which CommonJS cannot bundle); its browser
  // build simply finds no canvas, which is what happens in Node without `canvas` anyway.
  alias: { 'vega-canvas': './node_modules/vega-canvas/build/vega-canvas.browser.js' },
};

const cliCommon = {
  ...common,
  format: 'esm',
  banner: {
    js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
  },
};
/**
 * Vega lives only in the worker bundle. When charts are drawn in the main thread (one
 * core, or a worker that cannot start), `import('./draw-chart.js')` in render-svg.ts loads
 * the worker bundle beside this one instead of a second copy: the CLI's bundle is then
 * half the size, and compiling it is on the path of every export.
 */
const vegaFromWorkerBundle = (ext) => ({
  name: 'vega-from-worker-bundle',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /\/draw-chart\.js$/ }, (args) =>
      args.kind === 'dynamic-import' && args.importer.endsWith('render-svg.ts')
        ? { path: `./render-worker${ext}`, external: true }
        : undefined,
    );
  },
});

/**
 * The Word export (the docx library, a megabyte) is a bundle of its own, loaded by
 * `import('./docx-document.js')` in src/engine/docx/index.ts on the first Word export,
 * so the CLI and the extension's engine do not compile it on every start.
 */
const docxFromItsBundle = (ext) => ({
  name: 'docx-from-its-bundle',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /\/docx-document\.js$/ }, (args) =>
      args.kind === 'dynamic-import' && args.importer.endsWith('docx/index.ts')
        ? { path: `./docx${ext}`, external: true }
        : undefined,
    );
  },
});

// The CommonJS bundles take the bundle's own URL for import.meta.url, which CommonJS lacks.
const cjsCommon = {
  ...common,
  format: 'cjs',
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};

const jobs = [
  // The CLI is CommonJS so that bin/scorecard.js can compile it with V8's code cache
  // (src/cli/code-cache.ts), which Node 20 offers scripts and not ES modules. Its dynamic
  // imports (the chart and Word bundles, playwright for --pdf) become requires: V8 keeps
  // no dynamic-import hook in a cache, so a cached script could not make them.
  build({
    ...cjsCommon,
    supported: { 'dynamic-import': false },
    entryPoints: ['src/cli/cli.ts'],
    outfile: 'dist/cli.cjs',
    // Loaded only for --pdf, from node_modules: it finds its own files through __dirname.
    // resvg (Word export) is a native module: loaded at run time, never bundled.
    external: ['playwright-core', '@resvg/resvg-js'],
    plugins: [vegaFromWorkerBundle('.cjs'), docxFromItsBundle('.cjs')],
  }),
  // What bin/scorecard.js runs: the CLI bundle with its code cache; and what the CLI's
  // chart workers run: the worker bundle with its own.
  build({ ...cliCommon, entryPoints: ['src/cli/start.ts'], outfile: 'dist/cli-start.js' }),
  build({
    ...cjsCommon,
    entryPoints: ['src/cli/chart-worker.ts'],
    outfile: 'dist/chart-worker.cjs',
  }),
  // Beside the CLI and the extension's engine alike: the chart worker and the Word export.
  build({
    ...cjsCommon,
    entryPoints: ['src/engine/docx/docx-document.ts'],
    outfile: 'dist/docx.cjs',
    external: ['@resvg/resvg-js'],
  }),
  build({
    ...cjsCommon,
    entryPoints: ['src/engine/charts/render-worker.ts'],
    outfile: 'dist/render-worker.cjs',
  }),
  // The engine as a library (`import { createEngine } from 'scorecard-md/engine'`, the
  // package's `exports`): beside the CLI, so it finds the same worker and Word bundles.
  build({
    ...cliCommon,
    entryPoints: ['src/engine/index.ts'],
    outfile: 'dist/engine.js',
    external: ['@resvg/resvg-js'],
    plugins: [vegaFromWorkerBundle('.js'), docxFromItsBundle('.js')],
  }),
  engineDeclarations(),
  build({
    ...cliCommon,
    entryPoints: ['src/engine/docx/docx-document.ts'],
    outfile: 'dist/docx.js',
    external: ['@resvg/resvg-js'],
  }),
  // Charts are rendered in worker threads (src/engine/charts/render-pool.ts), which load
  // this file from beside the bundle that starts them.
  build({
    ...cliCommon,
    entryPoints: ['src/engine/charts/render-worker.ts'],
    outfile: 'dist/render-worker.js',
  }),
];
// VS Code 1.99 loads extensions with require(), so the extension is CommonJS (.cjs, since
// package.json says "type": "module"). It is two bundles: the small one VS Code loads on
// activation, and the engine with Vega, required on first use, so activation stays cheap.
const extensionCommon = { ...cjsCommon, external: ['vscode'] };
/** Keeps `import('./engine-services.js')` a run-time require of the engine bundle. */
const lazyEngine = {
  name: 'lazy-engine',
  setup(pluginBuild) {
    pluginBuild.onResolve({ filter: /\/engine-services\.js$/ }, () => ({
      path: './engine-services.cjs',
      external: true,
    }));
  },
};
if (existsSync('src/extension/extension.ts')) {
  jobs.push(
    build({
      ...extensionCommon,
      entryPoints: ['src/extension/extension.ts'],
      outfile: 'dist/extension.cjs',
      // It imports plain data and helpers from the engine's entry; `sideEffects: false`
      // (package.json) lets esbuild drop the rest, and these keep it from reaching Vega
      // and the Word export while it looks.
      plugins: [lazyEngine, vegaFromWorkerBundle('.cjs'), docxFromItsBundle('.cjs')],
    }),
    build({
      ...extensionCommon,
      entryPoints: ['src/extension/engine-services.ts'],
      outfile: 'dist/engine-services.cjs',
      plugins: [vegaFromWorkerBundle('.cjs'), docxFromItsBundle('.cjs')],
    }),
  );
}
if (existsSync('src/webview/preview.ts')) {
  jobs.push(
    build({
      ...common,
      platform: 'browser',
      target: 'es2022',
      entryPoints: ['src/webview/preview.ts'],
      outfile: 'dist/webview.js',
      format: 'iife',
      alias: {},
    }),
  );
}
await Promise.all(jobs);
await copyResvg();
writeCliCodeCache();

/**
 * V8's code caches for the CLI bundle and its chart worker (src/cli/code-cache.ts),
 * written by a training export of the sample report so that they hold every function an
 * export runs (its charts are drawn in a worker, as on any machine of two cores or more).
 * A production build writes them too (the .vsix ships neither), so that the CLI of the
 * same checkout keeps its cache. Without a cache the CLI works as before, only slower to
 * start: a failed training run is reported, not fatal.
 */
function writeCliCodeCache() {
  const out = mkdtempSync(join(tmpdir(), 'scorecard-code-cache-'));
  try {
    const run = spawnSync(
      process.execPath,
      [
        join('bin', 'scorecard.js'),
        'export',
        join('samples', 'children-in-care-q4-2023-24.md'),
        '-o',
        join(out, 'report.html'),
      ],
      {
        env: { ...process.env, SCORECARD_WRITE_CODE_CACHE: '1', SCORECARD_CHART_WORKERS: '1' },
        encoding: 'utf8',
      },
    );
    const missing = ['dist/cli.cjs.cache', 'dist/render-worker.cjs.cache'].filter(
      (file) => !existsSync(file),
    );
    if (run.status !== 0 || missing.length > 0)
      console.warn(`build: not written: ${missing.join(', ')}\n${run.stderr ?? run.error}`);
  } finally {
    rmSync(out, { recursive: true, force: true });
  }
}

/** The entry's type declarations (dist/types), for the `types` of the package's `exports`. */
function engineDeclarations() {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [tsc, '-p', 'tsconfig.types.json'], { stdio: 'inherit' });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`tsc -p tsconfig.types.json exited with ${code}`)),
    );
  });
}

/**
 * The Word export draws charts with resvg, a native module that cannot be bundled. The
 * .vsix ships no node_modules, so resvg's loader and this platform's binary are copied to
 * dist/node_modules, where the engine bundle's require finds them (.vscodeignore keeps
 * them). A platform without its binary gets a clear "not available" message on export.
 */
async function copyResvg() {
  const from = 'node_modules/@resvg';
  if (!existsSync(from)) return;
  const to = 'dist/node_modules/@resvg';
  await rm(to, { recursive: true, force: true });
  for (const name of await readdir(from)) {
    await cp(join(from, name), join(to, name), { recursive: true, dereference: true });
  }
}
