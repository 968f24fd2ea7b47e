import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import type * as EngineEntry from '../src/engine/index.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The entry as a script imports it; a variable, so `npm run typecheck` (before the build) does not resolve it. */
const PACKAGE_ENTRY = 'scorecard-md/engine';

describe('the engine as a library (scorecard-md/engine)', function () {
  this.timeout(120_000);

  before(function () {
    assert.ok(
      existsSync(join(repo, 'dist', 'engine.js')) &&
        existsSync(join(repo, 'dist', 'types', 'engine', 'index.d.ts')),
      'dist/engine.js and its declarations are missing: run npm run build first',
    );
  });

  it('imports through the package name and renders a report held in memory', async () => {
    const engine = (await import(PACKAGE_ENTRY)) as typeof EngineEntry;
    const host = engine.createMemoryHost({
      '/memory/reports/data.yaml': `indicators:
  - id: OP1
    title: One
    unit: percent
    polarity: higher
    values:
      - { period: 2023/24, value: 58 }
`,
    });
    const result = await engine
      .createEngine({ host })
      .render('---\ntitle: T\ndata: data.yaml\n---\n\nNow :value{id=OP1}.\n', {
        path: '/memory/reports/report.md',
      });
    assert.deepEqual(result.messages, []);
    assert.match(result.body, />58%</);
    // The bundle, not the sources: the package's `exports` were followed.
    const sources = await import('../src/engine/index.js');
    assert.notEqual(engine.createEngine, sources.createEngine);
  });

  it('has declarations a strict TypeScript script checks against', () => {
    const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
    const result = spawnSync(
      process.execPath,
      [
        tsc,
        '--noEmit',
        '--strict',
        '--exactOptionalPropertyTypes',
        '--noUncheckedIndexedAccess',
        '--module',
        'nodenext',
        '--moduleResolution',
        'nodenext',
        '--target',
        'es2022',
        '--types',
        'node',
        // As in this repository's own tsconfig: vega-lite's declarations fail
        // exactOptionalPropertyTypes themselves. The script's own lines are checked.
        '--skipLibCheck',
        'test/library/consumer.mts',
      ],
      { cwd: repo, encoding: 'utf8' },
    );
    assert.equal(result.status, 0, result.stdout + result.stderr);
  });
});

describe('the faces import the engine through its entry only (eslint)', function () {
  this.timeout(60_000);
  const eslint = new ESLint({ cwd: repo });
  const problems = async (code: string, file: string) =>
    (await eslint.lintText(code, { filePath: join(repo, file) }))
      .flatMap((result) => result.messages)
      .map((message) => message.ruleId);

  it('refuses a deep import from the CLI or the extension', async () => {
    const deep = "import { VERSION } from '../engine/version.js';\nexport const v = VERSION;\n";
    assert.deepEqual(await problems(deep, 'src/cli/probe.ts'), ['no-restricted-imports']);
    const deeper =
      "import type { Compare } from '../../engine/facts.js';\nexport type C = Compare;\n";
    assert.deepEqual(await problems(deeper, 'src/extension/logic/probe.ts'), [
      'no-restricted-imports',
    ]);
  });

  it('allows the entry', async () => {
    const entry = "import { VERSION } from '../engine/index.js';\nexport const v = VERSION;\n";
    assert.deepEqual(await problems(entry, 'src/cli/probe.ts'), []);
  });
});
