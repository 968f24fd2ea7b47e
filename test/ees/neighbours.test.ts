import assert from 'node:assert/strict';
import fc from 'fast-check';
import { averageOf, neighbourNote } from '../../src/engine/data/ees/neighbours.js';

describe('statistical-neighbour averages', () => {
  it('takes the mean and the median', () => {
    assert.equal(averageOf([1, 2, 3, 10], 'mean'), 4);
    assert.equal(averageOf([1, 2, 3, 10], 'median'), 2.5);
    assert.equal(averageOf([7, 1, 3], 'median'), 3);
  });

  it('drops floating-point noise but keeps the precision a formatter needs', () => {
    assert.equal(averageOf([18.7, 18.7, 18.7], 'mean'), 18.7);
    assert.equal(averageOf([1, 2, 2], 'mean'), 1.66666666667);
  });

  it('lies between the smallest and largest neighbour', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 1000, noNaN: true }), { minLength: 1, maxLength: 10 }),
        (values) => {
          for (const how of ['mean', 'median'] as const) {
            const average = averageOf(values, how);
            assert.ok(
              average >= Math.min(...values) - 1e-9 && average <= Math.max(...values) + 1e-9,
            );
          }
        },
      ),
    );
  });

  it('says how many neighbours counted and why others did not', () => {
    assert.equal(neighbourNote('mean', 10, 10, []), 'mean of 10 statistical neighbours');
    assert.equal(
      neighbourNote('mean', 9, 10, ['c']),
      'mean of 9 of 10 statistical neighbours (1 suppressed)',
    );
    assert.equal(
      neighbourNote('median', 7, 10, ['c', 'no-row', 'c']),
      'median of 7 of 10 statistical neighbours (2 suppressed, 1 not published)',
    );
  });
});
