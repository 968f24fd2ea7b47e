/**
 * The CLI's bundle is two megabytes of JavaScript, and compiling it (with every function
 * an export then runs) is on the path of every command: with the chart worker's, 0.1 to
 * 0.2 s of a cold export (bench/notes.md).
 * V8 can keep that work as a code cache. The build writes one for the bundle after a
 * training export of the sample (scripts/build.js), and `bin/scorecard.js` hands it to V8.
 *
 * V8 checks a cache against its own version and flags, and against the source's length
 * only: a rebuilt bundle of the same length would be given bytecode of another source.
 * So the cache file leads with the SHA-256 of the source it was made from, and is used
 * only for that source. Whatever is wrong with a cache (missing, stale, truncated, or
 * rejected by V8), the bundle is compiled as usual.
 */
import { createHash } from 'node:crypto';
import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { Script } from 'node:vm';

const DIGEST_BYTES = 32;

/**
 * True in the build's training export (scripts/build.js sets SCORECARD_WRITE_CODE_CACHE),
 * the one run that writes the caches.
 */
export function writingCodeCache(): boolean {
  return process.env['SCORECARD_WRITE_CODE_CACHE'] === '1';
}

function digestOf(source: string): Buffer {
  return createHash('sha256').update(source).digest();
}

/** A cache file's contents: the source's digest, then V8's data. */
export function codeCacheFile(source: string, data: Buffer): Buffer {
  return Buffer.concat([digestOf(source), data]);
}

/** V8's data from a cache file, when the file was made from exactly this source. */
export function cachedDataFor(source: string, file: Buffer | undefined): Buffer | undefined {
  if (file === undefined || file.length <= DIGEST_BYTES) return undefined;
  return file.subarray(0, DIGEST_BYTES).equals(digestOf(source))
    ? file.subarray(DIGEST_BYTES)
    : undefined;
}

export interface BundleRun {
  /** What became of the cache: V8 took it, refused it, or there was none to give. */
  readonly cache: 'used' | 'rejected' | 'none';
  /** The bundle's `module.exports`. */
  readonly exports: unknown;
  /** Writes the cache of everything compiled so far (beside, then renamed into place). */
  readonly saveCache: () => void;
}

/** The wrapper Node puts around a CommonJS module. */
export function wrapModule(source: string): string {
  return `(function (exports, require, module, __filename, __dirname) {${source}\n})`;
}

/** Where a bundle's code cache is kept: beside it, `cli.cjs.cache` for `cli.cjs`. */
export function cacheFileOf(bundle: string): string {
  return `${bundle}.cache`;
}

/**
 * Runs a CommonJS bundle as Node would, compiled with the cache beside it when that fits
 * it. With `saveOnExit`, the cache is written as the process exits, so that it holds
 * every function the run compiled.
 */
export function runBundle(bundle: string, saveOnExit = false): BundleRun {
  const cachePath = cacheFileOf(bundle);
  const source = readFileSync(bundle, 'utf8');
  let cachedData: Buffer | undefined;
  try {
    cachedData = cachedDataFor(source, readFileSync(cachePath));
  } catch {
    // No cache (a build without one): compiled as usual.
  }
  const script = new Script(wrapModule(source), {
    filename: bundle,
    ...(cachedData ? { cachedData } : {}),
  });
  const saveCache = (): void => writeCacheFile(cachePath, source, script);
  if (saveOnExit) process.once('exit', saveCache);
  const module = { exports: {} as unknown };
  const run = script.runInThisContext() as (...args: unknown[]) => void;
  run(module.exports, createRequire(bundle), module, bundle, dirname(bundle));
  return {
    cache: cachedData === undefined ? 'none' : script.cachedDataRejected ? 'rejected' : 'used',
    exports: module.exports,
    saveCache,
  };
}

/** Written beside and renamed into place: a run stopped half-way leaves no half cache. */
function writeCacheFile(cachePath: string, source: string, script: Script): void {
  const partial = `${cachePath}.${process.pid}.partial`;
  try {
    writeFileSync(partial, codeCacheFile(source, script.createCachedData()));
    renameSync(partial, cachePath);
  } catch (error) {
    rmSync(partial, { force: true });
    process.stderr.write(`scorecard: code cache not written: ${String(error)}\n`);
  }
}
