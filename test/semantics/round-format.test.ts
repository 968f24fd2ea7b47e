import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  formatAmount,
  formatDifference,
  formatNumber,
  formatObservation,
  roundHalfUp,
  symbolLegend,
  symbolWords,
} from '../../src/engine/semantics/index.js';
import { groupedDigits } from '../../src/engine/semantics/format.js';
import { indicator } from './indicator-fixture.js';

describe('roundHalfUp', () => {
  it('rounds the decimal written, not its binary approximation', () => {
    assert.equal(roundHalfUp(2.675, 2), 2.68);
    assert.equal(roundHalfUp(1.005, 2), 1.01);
    assert.equal(roundHalfUp(1.045, 2), 1.05);
    assert.equal(roundHalfUp(0.285, 2), 0.29);
    assert.equal(roundHalfUp(8.345, 2), 8.35);
    assert.equal(roundHalfUp(52.25, 1), 52.3);
  });

  it('rounds halves away from zero', () => {
    assert.equal(roundHalfUp(-2.5, 0), -3);
    assert.equal(roundHalfUp(2.5, 0), 3);
    assert.equal(roundHalfUp(0.5, 0), 1);
    assert.equal(roundHalfUp(-1.005, 2), -1.01);
    assert.equal(roundHalfUp(66.5, 0), 67);
    assert.equal(roundHalfUp(2.4999, 0), 2);
  });

  it('leaves values with fewer decimals alone and never returns -0', () => {
    assert.equal(roundHalfUp(1.2, 3), 1.2);
    assert.equal(roundHalfUp(17, 0), 17);
    assert.ok(Object.is(roundHalfUp(-0.004, 2), 0));
    assert.ok(Object.is(roundHalfUp(-0, 2), 0));
  });

  it('handles exponent notation and rounding to tens', () => {
    assert.equal(roundHalfUp(1.23e-7, 2), 0);
    assert.equal(roundHalfUp(5e-7, 6), 0.000001);
    assert.equal(roundHalfUp(1e21, 0), 1e21);
    assert.equal(roundHalfUp(1234.5, -1), 1230);
    assert.equal(roundHalfUp(1235, -1), 1240);
    assert.equal(roundHalfUp(99.96, 1), 100);
  });

  it('passes non-finite values through', () => {
    assert.ok(Number.isNaN(roundHalfUp(Number.NaN, 1)));
    assert.equal(roundHalfUp(Infinity, 1), Infinity);
  });

  it('agrees with exact decimal arithmetic on two-decimal inputs', () => {
    fc.assert(
      fc.property(fc.integer({ min: -10_000_000, max: 10_000_000 }), (hundredths) => {
        // hundredths / 100 rounded to 1 place, computed exactly on integers.
        const value = hundredths / 100;
        const sign = hundredths < 0 ? -1 : 1;
        const abs = Math.abs(hundredths);
        const expectedTenths = sign * (Math.floor(abs / 10) + (abs % 10 >= 5 ? 1 : 0));
        assert.equal(roundHalfUp(value, 1), expectedTenths / 10 || 0);
      }),
    );
  });
});

describe('formatNumber and formatAmount', () => {
  it('uses en-GB separators and fixed decimals', () => {
    assert.equal(formatNumber(1204, 0), '1,204');
    assert.equal(formatNumber(52.25, 1), '52.3');
    assert.equal(formatNumber(1234567.891, 2), '1,234,567.89');
    assert.equal(formatNumber(7, 1), '7.0');
    assert.equal(formatNumber(2.675, 2), '2.68');
    assert.equal(formatNumber(-0.001, 1), '0.0');
    assert.equal(formatNumber(-12.5, 0), '-13');
  });

  it('writes the digits Intl writes, without Intl, wherever it writes any', () => {
    const intl = (places: number) =>
      new Intl.NumberFormat('en-GB', {
        minimumFractionDigits: places,
        maximumFractionDigits: places,
        useGrouping: true,
      });
    let written = 0;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.double({ noNaN: true }),
          fc.double({ min: -1e7, max: 1e7, noNaN: true }),
          fc.integer({ min: -1e9, max: 1e9 }).map((n) => n / 1000),
        ),
        fc.integer({ min: 0, max: 20 }),
        (value, places) => {
          const rounded = roundHalfUp(value, places);
          const shown = rounded === 0 ? 0 : rounded;
          const ours = groupedDigits(shown, places);
          if (ours === undefined) return;
          written++;
          assert.equal(ours, intl(places).format(shown), `${value} to ${places} places`);
        },
      ),
      { numRuns: 20_000 },
    );
    // Most of what a report prints is written here, not handed to Intl.
    assert.ok(written > 10_000, `only ${written} written without Intl`);
    assert.equal(groupedDigits(1e15, 0), undefined);
    assert.equal(groupedDigits(Number.NaN, 0), undefined);
  });

  it('formats by unit', () => {
    assert.equal(formatAmount(indicator({ unit: 'percent', decimals: 0 }), 66.5), '67%');
    assert.equal(formatAmount(indicator({ unit: 'count', decimals: 0 }), 1204), '1,204');
    assert.equal(
      formatAmount(indicator({ unit: 'rate_per_10000', decimals: 1 }), 52.34),
      '52.3 per 10,000 children',
    );
    assert.equal(formatAmount(indicator({ unit: 'days', decimals: 0 }), 23), '23 days');
    assert.equal(formatAmount(indicator({ unit: 'days', decimals: 0 }), 1), '1 day');
    assert.equal(formatAmount(indicator({ unit: 'days', decimals: 1 }), 1), '1.0 days');
    assert.equal(formatAmount(indicator({ unit: 'number', decimals: 1 }), 12.5), '12.5');
  });

  it('says "children" for rates whatever the counting unit', () => {
    const referrals = indicator({ unit: 'rate_per_10000', decimals: 1, countingUnit: 'referrals' });
    assert.equal(formatAmount(referrals, 512.8), '512.8 per 10,000 children');
  });

  it('formats differences in percentage points or the unit', () => {
    assert.equal(formatDifference(indicator({ unit: 'percent' }), 4), '4 pp');
    assert.equal(formatDifference(indicator({ unit: 'percent' }), -4.4), '4 pp');
    assert.equal(formatDifference(indicator({ unit: 'count' }), 12), '12');
    assert.equal(
      formatDifference(indicator({ unit: 'rate_per_10000', decimals: 1 }), 3.14),
      '3.1 per 10,000',
    );
    assert.equal(formatDifference(indicator({ unit: 'days' }), 5), '5 days');
    assert.equal(formatDifference(indicator({ unit: 'days' }), 1), '1 day');
    assert.equal(formatDifference(indicator({ unit: 'number', decimals: 1 }), 1234.56), '1,234.6');
  });

  it('formats observations, symbols as words', () => {
    const pct = indicator({ unit: 'percent' });
    assert.equal(formatObservation(pct, { value: 67 }), '67%');
    assert.equal(formatObservation(pct, { symbol: 'c' }), 'suppressed to protect confidentiality');
    assert.equal(formatObservation(pct, { symbol: 'u', value: 52 }), '52% (low reliability)');
    assert.equal(formatObservation(pct, { symbol: 'u' }), 'low reliability');
    assert.equal(
      formatObservation(pct, { symbol: 'c', value: 3 }),
      'suppressed to protect confidentiality',
    );
    assert.equal(formatObservation(pct, {}), 'not available');
  });
});

describe('symbols', () => {
  const pct = indicator({ unit: 'percent', decimals: 0 });

  it('says what each symbol means, never a number', () => {
    assert.equal(symbolWords('c', pct), 'suppressed to protect confidentiality');
    assert.equal(symbolWords('c', pct, { short: true }), 'suppressed');
    assert.equal(symbolWords('u', pct), 'low reliability');
    assert.equal(symbolWords('x', pct), 'not available');
    assert.equal(symbolWords(':', pct), 'not available');
    assert.equal(symbolWords('z', pct), 'not applicable');
  });

  it('says k is below half the last digit shown, in the unit', () => {
    assert.equal(symbolWords('k', pct), 'less than 0.5%');
    assert.equal(symbolWords('k', indicator({ unit: 'percent', decimals: 1 })), 'less than 0.05%');
    assert.equal(symbolWords('k', indicator({ unit: 'count' })), 'fewer than 0.5');
    assert.equal(
      symbolWords('low', indicator({ unit: 'rate_per_10000', decimals: 1 })),
      'less than 0.05 per 10,000 children',
    );
    assert.equal(symbolWords('k', indicator({ unit: 'days' })), 'less than 0.5 days');
    assert.equal(symbolWords('k', indicator({ unit: 'number', decimals: 2 })), 'less than 0.005');
  });

  it('builds a legend of the symbols used, once each, in DfE order', () => {
    const legend = symbolLegend(['z', 'c', 'c', 'x']);
    assert.deepEqual(
      legend.map((e) => e.symbol),
      ['c', 'x', 'z'],
    );
    assert.match(legend[0]!.meaning, /confidentiality/);
    assert.deepEqual(symbolLegend([]), []);
  });
});
