import assert from 'node:assert/strict';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { exportPath, overwriteDecision } from '../../src/extension/logic/export-files.js';

describe('Word export files (extension)', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'scorecard-word-export-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('names the Word file beside the report, like the HTML', () => {
    assert.equal(exportPath('/r/q4.md', 'public', 'docx'), path.join('/r', 'q4.docx'));
    assert.equal(exportPath('/r/q4.md', 'exempt', 'docx'), path.join('/r', 'q4.exempt.docx'));
    assert.equal(exportPath('/r/q4.md', 'public'), path.join('/r', 'q4.html'));
  });

  it('replaces a Word file only while this tool is its last editor', async () => {
    const target = path.join(dir, 'q4.docx');
    const ours = (bytes: Uint8Array) => new TextDecoder().decode(bytes) === 'ours';
    assert.equal(await overwriteDecision(target, ours), 'write');
    await writeFile(target, 'ours');
    assert.equal(await overwriteDecision(target, ours), 'write');
    await writeFile(target, 'edited in Word');
    assert.equal(await overwriteDecision(target, ours), 'ask');
    // Without a way to tell, a Word file is never assumed to be ours.
    await writeFile(target, 'ours');
    assert.equal(await overwriteDecision(target), 'ask');
  });

  it('still judges HTML by its generator meta', async () => {
    const target = path.join(dir, 'q4.html');
    await writeFile(target, '<meta name="generator" content="Scorecard Markdown 0.1.0">');
    assert.equal(await overwriteDecision(target), 'write');
  });
});
