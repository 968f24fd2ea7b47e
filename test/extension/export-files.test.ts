import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { RenderResult } from '../../src/engine/api.js';
import type { Message } from '../../src/engine/types.js';
import {
  exportPath,
  isOurExport,
  overwriteDecision,
  refusalKind,
  writeAtomically,
} from '../../src/extension/logic/export-files.js';

function result(refused: boolean, messages: Partial<Message>[]): RenderResult {
  return {
    html: '',
    body: '',
    blocks: [],
    css: '',
    title: '',
    dataFiles: [],
    refused,
    figures: [],
    messages: messages.map((m) => ({
      ruleId: 'no-value',
      severity: 'warning',
      reason: '',
      file: '/r.md',
      line: 1,
      column: 1,
      ...m,
    })),
  };
}

describe('export files', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'scorecard-export-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names the output beside the report by mode', () => {
    const report = path.join('reports', 'q4.md');
    assert.equal(exportPath(report, 'public'), path.join('reports', 'q4.html'));
    assert.equal(exportPath(report, 'exempt'), path.join('reports', 'q4.exempt.html'));
    assert.equal(exportPath('notes.MARKDOWN', 'public'), 'notes.html');
  });

  it('recognises our generator meta tag only', () => {
    assert.equal(
      isOurExport(
        '<!DOCTYPE html><head><meta name="generator" content="Scorecard Markdown 0.1.0">',
      ),
      true,
    );
    assert.equal(isOurExport('<html><meta name="generator" content="Hugo 0.1">'), false);
  });

  it('asks before replacing a file someone else wrote', async () => {
    const target = path.join(dir, 'r.html');
    assert.equal(await overwriteDecision(target), 'write');
    await writeFile(target, '<p>minutes typed by hand</p>');
    assert.equal(await overwriteDecision(target), 'ask');
    await writeFile(target, '<meta name="generator" content="Scorecard Markdown 0.1.0">');
    assert.equal(await overwriteDecision(target), 'write');
  });

  it('writes atomically, leaving no temporary file', async () => {
    const target = path.join(dir, 'r.html');
    await writeFile(target, 'old');
    await writeAtomically(target, 'new');
    assert.equal(await readFile(target, 'utf8'), 'new');
    assert.deepEqual(await readdir(dir), ['r.html']);
  });

  it('cleans up the temporary file when the rename fails', async () => {
    const target = path.join(dir, 'sub');
    await writeFile(path.join(dir, 'keep'), '');
    // Renaming a file onto a non-empty directory fails on every platform.
    await import('node:fs/promises').then((fs) =>
      fs.mkdir(path.join(target, 'x'), { recursive: true }),
    );
    await assert.rejects(writeAtomically(target, 'x'));
    assert.deepEqual((await readdir(dir)).sort(), ['keep', 'sub']);
  });

  it('tells small-number refusals from other refusals', () => {
    assert.equal(refusalKind(result(false, [])), 'none');
    assert.equal(
      refusalKind(
        result(true, [{ ruleId: 'small-number', severity: 'error' }, { ruleId: 'no-target' }]),
      ),
      'small-numbers',
    );
    assert.equal(
      refusalKind(
        result(true, [
          { ruleId: 'small-number', severity: 'error' },
          { ruleId: 'unknown-indicator', severity: 'error' },
        ]),
      ),
      'errors',
    );
    // The fail-closed errors never become a question the author could answer "anyway".
    for (const ruleId of ['public-gate', 'unmatched-fence', 'encoding', 'front-matter-invalid'])
      assert.equal(
        refusalKind(
          result(true, [
            { ruleId: 'small-number', severity: 'error' },
            { ruleId, severity: 'error' },
          ]),
        ),
        'errors',
        ruleId,
      );
    assert.equal(
      refusalKind(result(true, [{ ruleId: 'exempt-in-public', severity: 'error' }])),
      'errors',
    );
  });
});
