import assert from 'node:assert/strict';
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
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { cli } from './cli-run.js';
import { readDocxGenerator } from '../src/engine/index.js';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const sample = 'children-in-care-q4-2023-24.md';

describe('scorecard export --docx', function () {
  this.timeout(120_000);
  let work: string;
  beforeEach(() => {
    work = mkdtempSync(join(tmpdir(), 'scorecard-cli-docx-'));
    cpSync(join(repo, 'samples'), join(work, 'samples'), {
      recursive: true,
      filter: (source) => !source.endsWith('.html') && !source.endsWith('.docx'),
    });
  });
  afterEach(() => rmSync(work, { recursive: true, force: true }));

  it('writes REPORT.docx beside the HTML, and replaces its own file on the next run', async () => {
    const first = await cli(['export', `samples/${sample}`, '--docx'], work);
    assert.equal(first.code, 0, first.err);
    assert.match(first.out, /-> samples\/children-in-care-q4-2023-24\.html/);
    assert.match(first.out, /-> samples\/children-in-care-q4-2023-24\.docx/);
    const docx = join(work, 'samples', sample.replace('.md', '.docx'));
    assert.ok(readDocxGenerator(readFileSync(docx)));
    const again = await cli(['export', `samples/${sample}`, '--docx'], work);
    assert.equal(again.code, 0, again.err);
    assert.deepEqual(
      readdirSync(join(work, 'samples')).filter((name) => name.endsWith('.tmp')),
      [],
    );
  });

  it('names the exempt one REPORT.exempt.docx, and follows -o', async () => {
    const exempt = await cli(['export', `samples/${sample}`, '--exempt', '--docx'], work);
    assert.equal(exempt.code, 0, exempt.err);
    assert.ok(existsSync(join(work, 'samples', sample.replace('.md', '.exempt.docx'))));
    const named = await cli(
      ['export', `samples/${sample}`, '-o', 'pack/agenda.html', '--docx'],
      work,
    );
    assert.equal(named.code, 0, named.err);
    assert.ok(existsSync(join(work, 'pack', 'agenda.docx')));
  });

  it('never writes over a Word file it did not write, unless forced', async () => {
    const foreign = join(work, 'samples', sample.replace('.md', '.docx'));
    writeFileSync(foreign, 'the clerk’s own file');
    const refused = await cli(['export', `samples/${sample}`, '--docx'], work);
    assert.equal(refused.code, 1);
    assert.match(
      refused.err,
      /Word file not written: .*not written by Scorecard Markdown; use --force/,
    );
    assert.equal(readFileSync(foreign, 'utf8'), 'the clerk’s own file');
    const forced = await cli(['export', `samples/${sample}`, '--docx', '--force'], work);
    assert.equal(forced.code, 0, forced.err);
    assert.ok(readDocxGenerator(readFileSync(foreign)));
  });

  it('writes no Word file for a refused export', async () => {
    const result = await cli(['export', 'samples/broken.md', '--exempt', '--docx'], work);
    assert.equal(result.code, 1);
    assert.match(result.err, /not exported/);
    assert.deepEqual(
      readdirSync(join(work, 'samples')).filter((name) => name.startsWith('broken.')),
      ['broken.md'],
    );
  });

  it('works from the bundled CLI, whose Word export is a bundle of its own', async () => {
    const run = promisify(execFile);
    const { stdout } = await run(
      process.execPath,
      [join(repo, 'bin', 'scorecard.js'), 'export', `samples/${sample}`, '--docx'],
      { cwd: work },
    );
    assert.match(stdout, /-> samples\/children-in-care-q4-2023-24\.docx/);
    assert.ok(
      readDocxGenerator(readFileSync(join(work, 'samples', sample.replace('.md', '.docx')))),
    );
  });

  it('is an export option only', async () => {
    const result = await cli(['check', `samples/${sample}`, '--docx'], work);
    assert.equal(result.code, 2);
    assert.match(result.err, /--docx is an export option/);
  });
});
