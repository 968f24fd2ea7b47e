import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { cli } from './cli-run.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const sample = 'children-in-care-q4-2023-24.md';

describe('scorecard CLI', function () {
  this.timeout(60_000);
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'scorecard-cli-'));
    cpSync(join(repo, 'samples'), join(work, 'samples'), {
      recursive: true,
      filter: (source) => !source.includes(`${'samples'}/out`) && !source.endsWith('.html'),
    });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('prints help and exits 0', async () => {
    const result = await cli(['--help'], work);
    assert.equal(result.code, 0);
    assert.match(result.out, /scorecard export REPORT\.md/);
    assert.match(result.out, /scorecard check/);
  });

  it('exits 2 on usage errors', async () => {
    for (const argv of [
      ['frobnicate', 'x.md'],
      ['export'],
      ['check', 'x.md', '--format', 'xml'],
      ['export', 'x.md', '--public', '--exempt'],
      ['export', '--bogus'],
    ]) {
      const result = await cli(argv, work);
      assert.equal(result.code, 2, argv.join(' '));
      assert.match(result.err, /scorecard: /);
    }
    assert.equal((await cli(['check', 'missing.md'], work)).code, 2);
  });

  it('exports the sample, printing where the file went', async () => {
    const result = await cli(['export', `samples/${sample}`], work);
    assert.equal(result.code, 0, result.err);
    assert.match(
      result.out,
      /\[1\/1\] samples\/children-in-care-q4-2023-24\.md -> samples\/children-in-care-q4-2023-24\.html/,
    );
    const html = readFileSync(join(work, 'samples', sample.replace('.md', '.html')), 'utf8');
    assert.match(html, /<html lang="en-GB">/);
    assert.doesNotMatch(html, /<script/i);
    assert.doesNotMatch(html, /(src|href)="https?:/i);
    assert.doesNotMatch(html, /url\(/i);
    assert.match(html, /<svg/);
    assert.match(html, /58%/);
  });

  it('exports a folder with progress, skipping non-reports and excluded files', async () => {
    const result = await cli(
      ['export', 'samples', '--out-dir', 'out', '--exclude', 'broken.md'],
      work,
    );
    assert.equal(result.code, 0, result.err);
    assert.match(result.out, /\[1\/\d\] /);
    assert.ok(existsSync(join(work, 'out', sample.replace('.md', '.html'))));
    assert.ok(!readdirSync(join(work, 'out')).includes('broken.html'));
  });

  it('refuses a report with errors, writes nothing, and exits 1', async () => {
    const result = await cli(['export', 'samples/broken.md', '--exempt'], work);
    assert.equal(result.code, 1);
    assert.match(result.err, /not exported/);
    assert.ok(!existsSync(join(work, 'samples', 'broken.exempt.html')));
  });

  it('names the exempt export REPORT.exempt.html', async () => {
    const result = await cli(['export', `samples/${sample}`, '--exempt'], work);
    assert.equal(result.code, 0, result.err);
    assert.ok(existsSync(join(work, 'samples', sample.replace('.md', '.exempt.html'))));
  });

  it('never overwrites the report itself or a file it did not write', async () => {
    const self = await cli(['export', `samples/${sample}`, '-o', `samples/${sample}`], work);
    assert.equal(self.code, 1);
    assert.match(self.err, /the report itself/);
    const foreign = join(work, 'agenda.html');
    writeFileSync(foreign, '<p>the clerk’s own file</p>');
    const refused = await cli(['export', `samples/${sample}`, '-o', 'agenda.html'], work);
    assert.equal(refused.code, 1);
    assert.match(refused.err, /not written by Scorecard Markdown; use --force/);
    assert.equal(readFileSync(foreign, 'utf8'), '<p>the clerk’s own file</p>');
    const forced = await cli(['export', `samples/${sample}`, '-o', 'agenda.html', '--force'], work);
    assert.equal(forced.code, 0, forced.err);
    // Its own earlier export is replaced without --force.
    const again = await cli(['export', `samples/${sample}`, '-o', 'agenda.html'], work);
    assert.equal(again.code, 0, again.err);
    assert.deepEqual(
      readdirSync(work).filter((name) => name.endsWith('.tmp')),
      [],
    );
  });

  it('checks compiler-style and exits 1 on errors', async () => {
    const result = await cli(['check', 'samples/broken.md'], work);
    assert.equal(result.code, 1);
    assert.match(
      result.out,
      /^samples\/broken\.md:\d+:\d+ error Unknown indicator OP418, did you mean OP419\b.* unknown-indicator$/m,
    );
    assert.match(result.err, /1 report checked: \d+ errors, \d+ warnings/);
  });

  it('checks a good report with exit 0', async () => {
    const result = await cli(['check', `samples/${sample}`], work);
    assert.equal(result.code, 0, result.out);
    assert.equal(result.out, '');
  });

  it('gives JSON on request', async () => {
    const result = await cli(['check', 'samples/broken.md', '--format', 'json'], work);
    const messages = JSON.parse(result.out) as Array<{
      file: string;
      line: number;
      column: number;
      ruleId: string;
      severity: string;
    }>;
    assert.ok(messages.length > 10);
    for (const message of messages) {
      assert.ok(message.line >= 1 && message.column >= 1 && message.ruleId && message.severity);
    }
  });

  it('samples/broken.md triggers every problem rule of the spec', async () => {
    const result = await cli(['check', 'samples/broken.md', '--format', 'json'], work);
    const rules = new Set(
      (JSON.parse(result.out) as Array<{ ruleId: string }>).map((m) => m.ruleId),
    );
    const spec = readFileSync(join(repo, '..', 'shared', 'docs', 'dsl.md'), 'utf8');
    const table = spec.slice(spec.indexOf('| rule | when |'));
    const specRules = [
      ...table.matchAll(/^\| `([a-z-]+)`(?:, `([a-z-]+)`)?(?:, `([a-z-]+)`)?/gm),
    ].flatMap((m) => m.slice(1).filter((rule): rule is string => rule !== undefined));
    assert.ok(specRules.length >= 14, `read ${specRules.length} rules from the spec`);
    for (const rule of specRules) assert.ok(rules.has(rule), `broken.md does not trigger ${rule}`);
  });
});

describe('scorecard bin (the bundled CLI)', function () {
  this.timeout(60_000);
  it('runs as a process and reports usage errors with exit 2', async () => {
    const run = promisify(execFile);
    const help = await run(process.execPath, [join(repo, 'bin', 'scorecard.js'), '--help']);
    assert.match(help.stdout, /Usage/);
    await assert.rejects(
      run(process.execPath, [join(repo, 'bin', 'scorecard.js'), 'nonsense']),
      (error: { code?: number }) => error.code === 2,
    );
  });

  it('exports byte for byte what the engine renders, charts drawn in a worker or in its own thread', async () => {
    const run = promisify(execFile);
    const work = mkdtempSync(join(tmpdir(), 'scorecard-bin-'));
    try {
      cpSync(join(repo, 'samples'), join(work, 'samples'), { recursive: true });
      const here = await cli(['export', `samples/${sample}`, '-o', 'here.html'], work);
      assert.equal(here.code, 0, here.err);
      const expected = readFileSync(join(work, 'here.html'), 'utf8');
      for (const workers of ['1', '0']) {
        const out = `bin-${workers}.html`;
        await run(
          process.execPath,
          [join(repo, 'bin', 'scorecard.js'), 'export', `samples/${sample}`, '-o', out],
          { cwd: work, env: { ...process.env, SCORECARD_CHART_WORKERS: workers } },
        );
        const html = readFileSync(join(work, out), 'utf8');
        assert.ok(
          (html.match(/<svg [^>]*class="sc-chart__svg"/g) ?? []).length >= 2,
          'charts drawn',
        );
        assert.equal(html, expected, `${workers} worker(s)`);
      }
    } finally {
      rmSync(work, { recursive: true, force: true });
    }
  });
});
