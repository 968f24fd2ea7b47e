import assert from 'node:assert/strict';
import { BlockKeyer, firstDataLine, keyBlocks } from '../../src/engine/preview-blocks.js';

describe('preview blocks: keys', () => {
  it('keeps a block’s key when only its data-line numbers move', () => {
    const [before] = keyBlocks(['<div data-line="4"><p data-line="5">A</p></div>']);
    const [after] = keyBlocks(['<div data-line="9"><p data-line="10">A</p></div>']);
    assert.equal(before?.key, after?.key);
    assert.equal(after?.html, '<div data-line="9"><p data-line="10">A</p></div>');
  });

  it('gives a new key when anything else changes, the lines inside a block included', () => {
    const [a] = keyBlocks(['<div data-line="4"><p data-line="5">A</p></div>']);
    const [b] = keyBlocks(['<div data-line="4"><p data-line="6">A</p></div>']);
    const [c] = keyBlocks(['<div data-line="4"><p data-line="5">B</p></div>']);
    assert.notEqual(a?.key, b?.key);
    assert.notEqual(a?.key, c?.key);
  });

  it('keeps equal blocks apart', () => {
    const keys = keyBlocks(['<hr>', '<p data-line="1">x</p>', '<hr>', '<p data-line="3">x</p>']);
    assert.equal(new Set(keys.map((block) => block.key)).size, 4);
  });

  it('keys the HTML as it is when asked (author data-line attributes must not shift)', () => {
    const [a] = keyBlocks(['<p data-line="1">A</p>'], false);
    const [b] = keyBlocks(['<p data-line="2">A</p>'], false);
    assert.notEqual(a?.key, b?.key);
  });

  it('finds the first data-line', () => {
    assert.equal(firstDataLine('<p>x</p><p data-line="7">y</p>'), 7);
    assert.equal(firstDataLine('<p>x</p>'), undefined);
  });

  it('gives the same keys when it remembers the last render', () => {
    const keyer = new BlockKeyer();
    const first = ['<p data-line="1">A</p>', '<hr>', '<hr>'];
    const second = ['<p data-line="1">B</p>', '<hr>', '<hr>', '<p data-line="5">A</p>'];
    assert.deepEqual(keyer.key(first), keyBlocks(first));
    assert.deepEqual(keyer.key(second), keyBlocks(second));
    assert.deepEqual(keyer.key(second), keyBlocks(second));
  });
});
