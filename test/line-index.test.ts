import assert from 'node:assert/strict';
import fc from 'fast-check';
import { LineIndex } from '../src/engine/line-index.js';

/** The line and column of `offset` by counting, the way a reader would. */
function counted(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 };
}

describe('LineIndex (the one line index)', () => {
  it('places offsets at the start, the middle and the end of lines', () => {
    const index = new LineIndex('ab\ncd\n\nef');
    assert.deepEqual(index.position(0), { line: 1, column: 1 });
    assert.deepEqual(index.position(2), { line: 1, column: 3 });
    assert.deepEqual(index.position(3), { line: 2, column: 1 });
    assert.deepEqual(index.position(6), { line: 3, column: 1 });
    assert.deepEqual(index.position(9), { line: 4, column: 3 });
    assert.equal(index.lineStart(2), 3);
    assert.equal(index.lineStart(4), 7);
  });

  it('agrees with counting on any text and offset', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom('a', 'é', '\n', '\r', ' ', '😀') }),
        fc.nat(),
        (text, at) => {
          const offset = text.length === 0 ? 0 : at % (text.length + 1);
          assert.deepEqual(new LineIndex(text).position(offset), counted(text, offset));
        },
      ),
    );
  });
});
