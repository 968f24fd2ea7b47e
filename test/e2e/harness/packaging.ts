// The artefacts under test: the .vsix exactly as `npm run package` makes it, and the
// suite bundled for the extension host.
import { readFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { runChecked } from './processes.js';

export function vsixPath(repo: string): string {
  const manifest = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
  };
  return join(repo, `${manifest.name}-${manifest.version}.vsix`);
}

/** Runs `npm run package` (production build + vsce) and returns the .vsix it wrote. */
export function packageExtension(repo: string): string {
  runChecked('npm', ['run', 'package'], { cwd: repo, timeoutMs: 300_000 });
  const vsix = vsixPath(repo);
  if (!existsSync(vsix)) throw new Error(`npm run package did not write ${vsix}`);
  return vsix;
}

/**
 * Bundles the suite to one CommonJS file (the extension host require()s it). `vscode`
 * is the host's; mocha stays external and resolves from the repository's node_modules,
 * beside which the bundle is written.
 */
export async function bundleSuite(repo: string): Promise<string> {
  const outfile = join(repo, 'out', 'e2e', 'suite', 'index.cjs');
  await build({
    entryPoints: [join(repo, 'test', 'e2e', 'suite', 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return outfile;
}
