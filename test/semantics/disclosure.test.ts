import assert from 'node:assert/strict';
import { applyDisclosureControl } from '../../src/engine/semantics/index.js';
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
    assert.deepEqual(result.suppressed, ['value', 'numerator', 'denominator']);
    // No count is left beside a suppressed value, not even the denominator.
    assert.deepEqual(
      { ...result.observation, period: undefined, source: undefined },
      { symbol: 'c', period: undefined, source: undefined },
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
    assert.deepEqual(result.suppressed, ['value', 'numerator', 'denominator']);
    assert.equal(result.observation.denominator, undefined);
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
    assert.deepEqual(implied.suppressed, ['value', 'numerator', 'denominator']);
    assert.equal(implied.observation.denominator, undefined);
    const rate = indicator({ unit: 'rate_per_10000', decimals: 1 });
    assert.deepEqual(
      applyDisclosureControl(rate, obs('2023/24', { value: 0.8, denominator: 50_000 }), 5)
        .suppressed,
      ['value', 'numerator', 'denominator'],
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

  it('judges the number as printed: 5.4 printed as 5 is small, 5.6 printed as 6 is not', () => {
    assert.deepEqual(applyDisclosureControl(count, obs('2024-05', { value: 5.4 }), 5).suppressed, [
      'value',
    ]);
    assert.deepEqual(
      applyDisclosureControl(count, obs('2024-05', { value: 5.6 }), 5).suppressed,
      [],
    );
    // A count of 0.3 printed as 0 is not a true zero.
    assert.deepEqual(applyDisclosureControl(count, obs('2024-05', { value: 0.3 }), 5).suppressed, [
      'value',
    ]);
    // A numerator of 5.4 printed as "5 of 40" is small, and takes the value with it.
    const pctResult = applyDisclosureControl(
      pct,
      obs('2023/24', { value: 13.5, numerator: 5.4, denominator: 40 }),
      5,
    );
    assert.deepEqual(pctResult.suppressed, ['value', 'numerator', 'denominator']);
    assert.equal(pctResult.observation.symbol, 'c');
    // A denominator of 5.4 printed as 5 (a true zero of it shows no one, but five do).
    assert.deepEqual(
      applyDisclosureControl(pct, obs('2023/24', { value: 0, numerator: 0, denominator: 5.4 }), 5)
        .suppressed,
      ['value', 'numerator', 'denominator'],
    );
  });

  it('never leaves a numerator and denominator beside a value suppressed at source', () => {
    const result = applyDisclosureControl(
      pct,
      obs('2023/24', { symbol: 'c', numerator: 50, denominator: 100 }),
      5,
    );
    assert.deepEqual(result.suppressed, ['numerator', 'denominator']);
    assert.equal(result.observation.symbol, 'c');
    assert.equal(result.observation.numerator, undefined);
    assert.equal(result.observation.denominator, undefined);
    assert.match(result.reasons[0]!, /not published/);
    const x = applyDisclosureControl(pct, obs('2023/24', { symbol: 'x', denominator: 100 }), 5);
    assert.deepEqual(x.suppressed, ['denominator']);
    assert.equal(x.observation.symbol, 'x');
  });

  it('leaves a value published as u (low reliability, no number) and its counts alone', () => {
    // A DfE row such as `1569,u,u`: the rate is withheld as unreliable, not to protect anyone.
    const u = obs('2022/23', { symbol: 'u', denominator: 1569 });
    assert.deepEqual(applyDisclosureControl(pct, u, 5), {
      observation: u,
      suppressed: [],
      reasons: [],
    });
    // Its counts are still counts: a small one is suppressed, as beside any value.
    const small = applyDisclosureControl(
      pct,
      obs('2022/23', { symbol: 'u', numerator: 3, denominator: 1569 }),
      5,
    );
    assert.deepEqual(small.suppressed, ['numerator', 'denominator']);
    assert.equal(small.observation.numerator, undefined);
  });

  it('keeps the category of a suppressed breakdown figure', () => {
    const part = obs('2024/25', { value: 2 });
    const result = applyDisclosureControl(count, { ...part, category: 'Other' }, 5);
    assert.equal(result.observation.symbol, 'c');
    assert.equal(result.observation.category, 'Other');
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
