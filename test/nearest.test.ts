import assert from 'node:assert/strict';
import fc from 'fast-check';
import { distance } from 'fastest-levenshtein';
import { didYouMean, nearest, nearestLimit } from '../src/engine/nearest.js';

describe('nearest (the one "did you mean" helper)', () => {
  it('has one limit: half the letters, at least two edits', () => {
    assert.equal(nearestLimit('OP4'), 2);
    assert.equal(nearestLimit('OP418'), 3);
    assert.equal(nearestLimit('Haringay'), 4);
    assert.equal(nearestLimit('unaccompanied'), 7);
  });

  it('suggests the nearest, closest first, catching a swapped pair', () => {
    const ids = ['OP419', 'OP148', 'OP210', 'NI62', 'CIN-REREF'];
    assert.deepEqual(nearest('OP418', ids), ['OP419', 'OP148', 'OP210']);
    assert.deepEqual(nearest('op148', ids, 1), ['OP148'], 'case does not matter');
    assert.deepEqual(nearest('XYZZY-99', ids), [], 'nothing far off');
    assert.deepEqual(
      nearest('Harringay', ['Bristol, City of', 'Havering', 'Haringey', 'Haringey']),
      ['Haringey', 'Havering'],
    );
    assert.deepEqual(nearest('percent', ['pct', 'count', 'time_period']), ['pct']);
    assert.deepEqual(nearest('rate', ['rate_percent', 'count']), ['rate_percent']);
    assert.deepEqual(nearest('OP418', ['OP411', 'OP412', 'OP413', 'OP414']).length, 3);
  });

  it('never offers a candidate past the limit (unless it contains the word)', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 12 }),
        fc.array(fc.string({ maxLength: 12 })),
        (word, words) => {
          for (const found of nearest(word, words)) {
            const target = word.trim().toLowerCase();
            const near = distance(target, found.toLowerCase()) <= nearestLimit(target);
            assert.ok(near || (target !== '' && found.toLowerCase().includes(target)), found);
          }
        },
      ),
    );
  });

  it('words the suggestions', () => {
    assert.equal(didYouMean([]), '');
    assert.equal(didYouMean(['A']), ', did you mean A?');
    assert.equal(didYouMean(['A', 'B', 'C']), ', did you mean A, B or C?');
  });
});
