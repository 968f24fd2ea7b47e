import assert from 'node:assert/strict';
import fc from 'fast-check';
import { PatchedList, itemsOf } from '../../src/engine/patched-list.js';

describe('a list with one item replaced (the block cache between keystrokes)', () => {
  it('reads as a copy with the replacements made, and every earlier list as it was', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { minLength: 1, maxLength: 12 }),
        fc.array(fc.tuple(fc.nat(), fc.integer()), { maxLength: 20 }),
        (start, replacements) => {
          // A copy: fast-check shrinks with the generated array, which must stay as made.
          const made = [...start];
          let list = PatchedList.of(made);
          let copy = [...start];
          const seen: Array<[PatchedList<number>, number[]]> = [[list, copy]];
          for (const [at, item] of replacements) {
            const index = at % start.length;
            list = list.with(index, item);
            copy = [...copy];
            copy[index] = item;
            seen.push([list, copy]);
          }
          for (const [earlier, expected] of seen) {
            assert.deepEqual(earlier.items(), expected);
            assert.deepEqual([...earlier], expected, 'iterated');
            assert.deepEqual(itemsOf(earlier), expected);
            assert.equal(earlier.length, expected.length);
            expected.forEach((item, index) => assert.equal(earlier.at(index), item));
          }
          assert.deepEqual(made, start, 'the array it was made from is not changed');
        },
      ),
    );
  });

  it('gives the array itself while nothing is replaced, and the last of one item’s replacements', () => {
    const start = [1, 2, 3];
    const once = PatchedList.of(start).with(1, 20);
    const twice = once.with(1, 21);
    assert.equal(PatchedList.of(start).items(), start);
    assert.deepEqual(twice.items(), [1, 21, 3]);
    assert.deepEqual(once.items(), [1, 20, 3]);
  });

  it('refuses an index outside the list', () => {
    const list = PatchedList.of(['a', 'b']);
    for (const index of [-1, 2, 0.5, Number.NaN]) {
      assert.throws(() => list.with(index, 'c'), RangeError);
    }
  });
});
