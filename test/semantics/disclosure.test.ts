import assert from 'node:assert/strict';
import { applyDisclosureControl, suppressParts } from '../../src/engine/semantics/index.js';
import { indicator, obs } from './indicator-fixture.js';

describe('applyDisclosureControl', () => {
  const pct = indicator({ unit: 'percent' });
  const count = indicator({ unit: 'count' });

  it('shows large numbers and true zeros untouched', () => {
    const fine = obs('2023/24 Q4', { value: 67, numerator: 201, denominator: 300 });
    assert.deepEqual(applyDisclosureControl(pct, fine, 5), {
      observation: fine,
      suppressed: [],
      reasons: [],
    });
    const zero = obs('2023/24 Q4', { value: 0, numerator: 0, denominator: 300 });
    assert.deepEqual(applyDisclosureControl(pct, zero, 5).suppressed, []);
    assert.deepEqual(applyDisclosureControl(count, obs('2024-05', { value: 0 }), 5).suppressed, []);
  });

  it('suppresses a small count value', () => {
    for (const n of [1, 5]) {
      const result = applyDisclosureControl(count, obs('2024-05', { value: n }), 5);
      assert.deepEqual(result.suppressed, ['value']);
      assert.equal(result.observation.symbol, 'c');
      assert.equal(result.observation.value, undefined);
      assert.match(result.reasons[0]!, /small number \(1 to 5\)/);
    }
    assert.deepEqual(applyDisclosureControl(count, obs('2024-05', { value: 6 }), 5).suppressed, []);
    assert.deepEqual(applyDisclosureControl(count, obs('2024-05', { value: 6 }), 10).suppressed, [
      'value',
    ]);
  });

  it('suppresses a small numerator and the percentage made from it', () => {
    const result = applyDisclosureControl(
      pct,
      obs('2023/24 Q4', { value: 1, numerator: 3, denominator: 300 }),
      5,
    );
    assert.deepEqual(result.suppressed, ['value', 'numerator']);
    assert.deepEqual(
      { ...result.observation, period: undefined, source: undefined },
      { symbol: 'c', denominator: 300, period: undefined, source: undefined },
    );
  });

  it('suppresses everything when the denominator is small', () => {
    const result = applyDisclosureControl(
      pct,
      obs('2023/24 Q4', { value: 50, numerator: 2, denominator: 4 }),
      5,
    );
    assert.deepEqual(result.suppressed, ['value', 'numerator', 'denominator']);
    assert.equal(result.observation.numerator, undefined);
    assert.equal(result.observation.denominator, undefined);
    assert.equal(result.observation.symbol, 'c');
  });

  it('suppresses a numerator whose complement subtraction would reveal', () => {
    const result = applyDisclosureControl(
      pct,
      obs('2023/24 Q4', { value: 98, numerator: 98, denominator: 100 }),
      5,
    );
    assert.deepEqual(result.suppressed, ['value', 'numerator']);
    assert.equal(result.observation.denominator, 100);
    assert.match(result.reasons[0]!, /subtraction/);
    // All 100 of 100: the complement is a true zero, which reveals no one.
    assert.deepEqual(
      applyDisclosureControl(
        pct,
        obs('2023/24 Q4', { value: 100, numerator: 100, denominator: 100 }),
        5,
      ).suppressed,
      [],
    );
  });

  it('works out the numerator a percentage or rate implies', () => {
    const implied = applyDisclosureControl(
      pct,
      obs('2023/24 Q4', { value: 2, denominator: 150 }),
      5,
    );
    assert.deepEqual(implied.suppressed, ['value', 'numerator']);
    assert.equal(implied.observation.denominator, 150);
    const rate = indicator({ unit: 'rate_per_10000', decimals: 1 });
    assert.deepEqual(
      applyDisclosureControl(rate, obs('2023/24', { value: 0.8, denominator: 50_000 }), 5)
        .suppressed,
      ['value', 'numerator'],
    );
    assert.deepEqual(
      applyDisclosureControl(rate, obs('2023/24', { value: 52.3, denominator: 50_000 }), 5)
        .suppressed,
      [],
    );
  });

  it('replaces a low-reliability symbol by c when it suppresses, and keeps it otherwise', () => {
    const small = applyDisclosureControl(
      pct,
      obs('2023/24', { value: 40, numerator: 2, denominator: 5, symbol: 'u' }),
      5,
    );
    assert.equal(small.observation.symbol, 'c');
    const big = obs('2023/24', { value: 40, numerator: 20, denominator: 50, symbol: 'u' });
    assert.equal(applyDisclosureControl(pct, big, 5).observation, big);
  });

  it('leaves an observation that is already a symbol alone', () => {
    const c = obs('2023/24', { symbol: 'c' });
    assert.deepEqual(applyDisclosureControl(count, c, 5), {
      observation: c,
      suppressed: [],
      reasons: [],
    });
  });
});

describe('suppressParts', () => {
  it('suppresses small parts and, when only one is, the next smallest', () => {
    const result = suppressParts([3, 40, 12, 0], 55, 5);
    assert.deepEqual(result.suppressedIndexes, [0, 3]);
    assert.deepEqual(result.parts, [undefined, 40, 12, undefined]);
    assert.equal(result.totalSuppressed, false);
    assert.deepEqual(suppressParts([3, 40, 12], 55, 5).suppressedIndexes, [0, 2]);
  });

  it('needs no secondary suppression when two or more parts are suppressed, or none', () => {
    assert.deepEqual(suppressParts([3, 4, 50], 57, 5).suppressedIndexes, [0, 1]);
    assert.deepEqual(suppressParts([30, 40, 50], 120, 5).suppressedIndexes, []);
  });

  it('needs no secondary suppression when no total is published', () => {
    assert.deepEqual(suppressParts([3, 40, 12], undefined, 5).suppressedIndexes, [0]);
  });

  it('suppresses the total when a lone small part has no partner', () => {
    const lone = suppressParts([2], 2, 5);
    assert.deepEqual(lone.suppressedIndexes, [0]);
    assert.equal(lone.totalSuppressed, true);
  });

  it('suppresses every non-zero part of a small total', () => {
    const result = suppressParts([2, 0, 1], 3, 5);
    assert.deepEqual(result.parts, [undefined, 0, undefined]);
    assert.equal(result.totalSuppressed, true);
  });
});
