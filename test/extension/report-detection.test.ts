import assert from 'node:assert/strict';
import { looksLikeReport } from '../../src/extension/logic/report-detection.js';

describe('looksLikeReport', () => {
  it('accepts front matter naming data files', () => {
    assert.equal(looksLikeReport('---\ntitle: T\ndata: data/indicators.yaml\n---\n# Hi\n'), true);
    assert.equal(looksLikeReport('---\r\ndata:\r\n  - a.yaml\r\n---\r\n'), true);
  });

  it('accepts any Scorecard directive', () => {
    assert.equal(looksLikeReport('Stood at :value{id=OP148}.'), true);
    assert.equal(looksLikeReport('# T\n\n::chart{id=OP148}\n'), true);
    assert.equal(looksLikeReport(':::exempt\nsecret\n:::\n'), true);
  });

  it('leaves plain Markdown alone', () => {
    assert.equal(looksLikeReport('# README\n\nRun at 10:30, see http://x.org/value.\n'), false);
    assert.equal(looksLikeReport('---\ntitle: data: later\n---\n'), false);
    assert.equal(looksLikeReport('Note:value of things'), false);
    assert.equal(looksLikeReport('data: in the body\n'), false);
  });
});
