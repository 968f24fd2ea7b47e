import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cacheFileOf, cachedDataFor, codeCacheFile, runBundle } from '../src/cli/code-cache.js';

const repo = new URL('..', import.meta.url).pathname;

/** A bundle that requires a built-in and its neighbour, as the CLI bundle does. */
const BUNDLE = `const { basename } = require('node:path');
const twice = (n) => n * 2;
module.exports = { file: basename(__filename), answer: twice(21), fromBeside: require('./beside.cjs') };
`;

describe('the CLI code cache', () => {
  let folder = '';
  beforeEach(() => {
    folder = mkdtempSync(join(tmpdir(), 'scorecard-code-cache-'));
    writeFileSync(join(folder, 'beside.cjs'), "module.exports = 'beside';\n");
  });
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('fits only the source it was made from', () => {
    const data = Buffer.from('v8 data');
    const file = codeCacheFile(BUNDLE, data);
    assert.deepEqual(cachedDataFor(BUNDLE, file), data);
    // V8 checks a cache against the source's length only: the same length must not fit.
    assert.equal(cachedDataFor(BUNDLE.replace('21', '22'), file), undefined);
    assert.equal(cachedDataFor(BUNDLE, file.subarray(0, 32)), undefined);
    assert.equal(cachedDataFor(BUNDLE, undefined), undefined);
  });

  it('runs a bundle without a cache, with one it wrote, and with a stale or broken one', () => {
    const bundle = join(folder, 'bundle.cjs');
    const cache = cacheFileOf(bundle);
    writeFileSync(bundle, BUNDLE);
    const expected = { file: 'bundle.cjs', answer: 42, fromBeside: 'beside' };

    const first = runBundle(bundle);
    assert.equal(first.cache, 'none');
    assert.deepEqual(first.exports, expected);
    first.saveCache();

    const second = runBundle(bundle);
    assert.equal(second.cache, 'used');
    assert.deepEqual(second.exports, expected);

    // A rebuilt bundle of the same length is compiled afresh, not given the old bytecode.
    writeFileSync(bundle, BUNDLE.replace('21', '20'));
    const rebuilt = runBundle(bundle);
    assert.equal(rebuilt.cache, 'none');
    assert.equal((rebuilt.exports as { answer: number }).answer, 40);

    // Data V8 cannot read is refused by V8, and the bundle still runs. (A source this
    // process has not compiled: V8 does not look at the cache of one it has.)
    writeFileSync(bundle, BUNDLE.replace('21', '19'));
    const source = readFileSync(bundle, 'utf8');
    writeFileSync(cache, codeCacheFile(source, Buffer.alloc(2048, 7)));
    const broken = runBundle(bundle);
    assert.equal(broken.cache, 'rejected');
    assert.equal((broken.exports as { answer: number }).answer, 38);
  });

  it('is written by the build for the CLI bundle and its chart worker, and V8 takes both', () => {
    // In a process of its own, with Node's default flags, as bin/scorecard.js runs it.
    const check = join(folder, 'check.ts');
    writeFileSync(
      check,
      `import { readFileSync } from 'node:fs';
      import { Script } from 'node:vm';
      import { cacheFileOf, cachedDataFor, wrapModule } from ${JSON.stringify(join(repo, 'src/cli/code-cache.ts'))};
      for (const bundle of ['dist/cli.cjs', 'dist/render-worker.cjs']) {
        const source = readFileSync(bundle, 'utf8');
        const cachedData = cachedDataFor(source, readFileSync(cacheFileOf(bundle)));
        const script = cachedData && new Script(wrapModule(source), { filename: bundle, cachedData });
        console.log(bundle, !script ? 'stale' : script.cachedDataRejected ? 'rejected' : 'used');
      }`,
    );
    const run = spawnSync(process.execPath, ['--import', 'tsx', check], {
      cwd: repo,
      encoding: 'utf8',
    });
    assert.equal(run.stderr, '');
    assert.deepEqual(run.stdout.trim().split('\n'), [
      'dist/cli.cjs used',
      'dist/render-worker.cjs used',
    ]);
  });

  it('exports the same page with charts drawn by the cached worker as in the main thread', () => {
    const sample = join(repo, 'samples', 'children-in-care-q4-2023-24.md');
    const exported = (workers: string): string => {
      const out = join(folder, `report-${workers}.html`);
      const run = spawnSync(
        process.execPath,
        [join(repo, 'bin', 'scorecard.js'), 'export', sample, '-o', out],
        { encoding: 'utf8', env: { ...process.env, SCORECARD_CHART_WORKERS: workers } },
      );
      assert.equal(run.status, 0, run.stderr);
      return readFileSync(out, 'utf8');
    };
    const inWorker = exported('1');
    assert.match(inWorker, /<svg/);
    assert.equal(inWorker, exported('0'));
  });
});
