import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(fileURLToPath(import.meta.url), '..', '..');
const sample = join(repo, 'samples', 'children-in-care-q4-2023-24.md');

/** Runs the built CLI with its standard output closed before it writes, as `head` may. */
function runWithClosedOutput(args: string[]): Promise<{ code: number | null; err: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(repo, 'bin', 'scorecard.js'), ...args], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let err = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (err += text));
    child.stdout.destroy();
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, err }));
  });
}

describe('CLI: a reader that stops early', function () {
  this.timeout(60_000);

  it('ends quietly when the pipe closes under `figures` (no EPIPE crash)', async () => {
    const { code, err } = await runWithClosedOutput(['figures', sample, '--format', 'json']);
    assert.equal(err.includes('EPIPE'), false, err);
    assert.equal(err.includes('internal error'), false, err);
    assert.equal(code, 0, err);
    assert.match(err, /figures listed: 0 errors, 0 warnings/);
  });
});
