import assert from 'node:assert/strict';
import { ordinal, quantile7, quartileBand } from '../../src/engine/semantics/rank.js';

/** The LAIT rule documented in src/engine/semantics/rank.ts, on small hand-checked groups. */
describe('rank rule: quartiles as LAIT cuts them', () => {
  it('interpolates percentiles as R quantile() type 7 does', () => {
    // R: quantile(c(1, 2, 3, 4, 5)) -> 1 2 3 4 5; quantile(c(1, 2, 3, 4)) -> 1 1.75 2.5 3.25 4
    assert.deepEqual(
      [0, 0.25, 0.5, 0.75, 1].map((p) => quantile7([1, 2, 3, 4, 5], p)),
      [1, 2, 3, 4, 5],
    );
    assert.deepEqual(
      [0, 0.25, 0.5, 0.75, 1].map((p) => quantile7([1, 2, 3, 4], p)),
      [1, 1.75, 2.5, 3.25, 4],
    );
  });

  it('bands lower-is-better figures: A up to and including the 25th percentile', () => {
    const group = [10, 20, 30, 40, 50];
    assert.deepEqual(
      group.map((v) => quartileBand(v, group, 'lower')),
      ['A', 'A', 'B', 'C', 'D'],
    );
  });

  it('bands higher-is-better figures: A above the 75th percentile', () => {
    const group = [10, 20, 30, 40, 50];
    assert.deepEqual(
      group.map((v) => quartileBand(v, group, 'higher')),
      ['D', 'D', 'C', 'B', 'A'],
    );
  });

  it('keeps tied figures in one band, whatever the group size', () => {
    const group = [5, 7, 7, 7, 9, 11, 12];
    const bands = group.map((v) => quartileBand(v, group, 'higher'));
    assert.equal(new Set(bands.slice(1, 4)).size, 1);
  });

  it('writes ordinals', () => {
    assert.deepEqual([1, 2, 3, 4, 11, 12, 13, 21, 22, 59, 101, 111, 153].map(ordinal), [
      '1st',
      '2nd',
      '3rd',
      '4th',
      '11th',
      '12th',
      '13th',
      '21st',
      '22nd',
      '59th',
      '101st',
      '111th',
      '153rd',
    ]);
  });
});
