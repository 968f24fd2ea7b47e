import assert from 'node:assert/strict';
import { lineForOffset, offsetForLine } from '../../src/extension/logic/scroll-sync.js';

const blocks = [
  { line: 0, top: 0, height: 40 },
  { line: 10, top: 100, height: 50 },
  { line: 20, top: 300, height: 100 },
];

describe('scroll sync', () => {
  it('interpolates a source line to a pixel offset between blocks', () => {
    assert.equal(offsetForLine(blocks, 0), 0);
    assert.equal(offsetForLine(blocks, 5), 50);
    assert.equal(offsetForLine(blocks, 15), 200);
    assert.equal(offsetForLine(blocks, 22), 340);
    assert.equal(offsetForLine(blocks, 1000), 400);
    assert.equal(offsetForLine([], 3), 0);
  });

  it('maps an offset back to the same line', () => {
    for (const line of [0, 5, 12.5, 20]) {
      assert.equal(lineForOffset(blocks, offsetForLine(blocks, line)), line);
    }
    assert.equal(lineForOffset(blocks, 10_000), 20);
    assert.equal(lineForOffset([], 50), 0);
  });
});
