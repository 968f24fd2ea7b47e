import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../../src/cli/main.js';
import { REPO } from './documents.js';
import { inkShare, pdfInfo } from './poppler.js';

/** `scorecard export --pdf`, end to end through the CLI as a user runs it. */
describe('scorecard export --pdf', function () {
  this.timeout(120_000);
  let out: string;
  beforeEach(() => {
    out = mkdtempSync(join(tmpdir(), 'scorecard-cli-pdf-'));
  });
  afterEach(() => rmSync(out, { recursive: true, force: true }));

  const report = join(REPO, 'samples', 'children-in-care-q4-2023-24.md');
  const quiet = { out: () => undefined, err: () => undefined };

  it('writes an A4 PDF beside the HTML whose first page is not blank', async () => {
    const code = await runCli(['export', report, '--out-dir', out, '--pdf'], quiet);
    assert.equal(code, 0);
    const pdf = join(out, 'children-in-care-q4-2023-24.pdf');
    assert.ok(existsSync(pdf));
    assert.match((await pdfInfo(pdf)).pageSize, /\(A4\)/);
    assert.ok((await inkShare(pdf, 1, join(out, 'page1'))) > 0.01);
    // Its own PDF is replaced on the next export without --force.
    assert.equal(await runCli(['export', report, '--out-dir', out, '--pdf'], quiet), 0);
  });

  it('does not overwrite a PDF it did not write', async () => {
    const pdf = join(out, 'children-in-care-q4-2023-24.pdf');
    writeFileSync(pdf, 'not ours');
    const errors: string[] = [];
    const code = await runCli(['export', report, '--out-dir', out, '--pdf'], {
      out: () => undefined,
      err: (t) => errors.push(t),
    });
    assert.equal(code, 1);
    assert.match(errors.join('\n'), /PDF not written: .* use --force/);
  });
});
