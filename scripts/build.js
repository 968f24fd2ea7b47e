// Bundles the three faces and the engine library with esbuild, and writes the library's
// declarations with tsc; `tsc --noEmit` checks types separately (npm run typecheck).
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { existsSync } from 'node:fs';
import { cp, readdir, rm } from 'node:fs/promises';
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

const jobs = [
  // The CLI is ESM like the unified ecosystem it bundles.
  build({
    ...cliCommon,
    entryPoints: ['src/cli/cli.ts'],
    outfile: 'dist/cli.js',
    // Loaded only for --pdf, from node_modules: it finds its own files through __dirname.
    // resvg (Word export) is a native module: loaded at run time, never bundled.
    external: ['playwright-core', '@resvg/resvg-js'],
    plugins: [vegaFromWorkerBundle('.js'), docxFromItsBundle('.js')],
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
const extensionCommon = {
  ...common,
  format: 'cjs',
  external: ['vscode'],
  // import.meta.url does not exist in CommonJS; give engine code the bundle's own URL.
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
};
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
    build({
      ...extensionCommon,
      entryPoints: ['src/engine/docx/docx-document.ts'],
      outfile: 'dist/docx.cjs',
      external: [...extensionCommon.external, '@resvg/resvg-js'],
    }),
    build({
      ...extensionCommon,
      entryPoints: ['src/engine/charts/render-worker.ts'],
      outfile: 'dist/render-worker.cjs',
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
