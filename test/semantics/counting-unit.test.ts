import assert from 'node:assert/strict';
import {
  countingUnitFor,
  formatAmountWithUnit,
  unitIsAmbiguous,
} from '../../src/engine/semantics/format.js';
import { indicator } from './indicator-fixture.js';

describe('counting units beside figures', () => {
  it('reads as English for one and for many', () => {
    assert.equal(countingUnitFor('children', 11), 'children');
    assert.equal(countingUnitFor('children', 1), 'child');
    assert.equal(countingUnitFor('looked after children', 1), 'looked after child');
    assert.equal(countingUnitFor('young people', 1), 'young person');
    assert.equal(countingUnitFor('incidents', 1), 'incident');
    assert.equal(countingUnitFor('enquiries', 1), 'enquiry');
    assert.equal(countingUnitFor('incidents', 0), 'incidents');
  });

  it('puts the unit beside counts and percentages, and leaves rates and days as they are', () => {
    const count = indicator({ unit: 'count', decimals: 0, countingUnit: 'children' });
    assert.equal(formatAmountWithUnit(count, 1204), '1,204 children');
    assert.equal(formatAmountWithUnit(count, 1), '1 child');
    // Rounded as printed first: 0.6 prints as 1.
    assert.equal(formatAmountWithUnit(count, 0.6), '1 child');
    const percent = indicator({ unit: 'percent', countingUnit: 'care leavers' });
    assert.equal(formatAmountWithUnit(percent, 58), '58% of care leavers');
    const rate = indicator({ unit: 'rate_per_10000', decimals: 1, countingUnit: 'children' });
    assert.equal(formatAmountWithUnit(rate, 52.3), '52.3 per 10,000 children');
    assert.equal(formatAmountWithUnit(indicator({ unit: 'count', decimals: 0 }), 12), '12');
  });

  it('calls only a count with a counting unit ambiguous on its own', () => {
    assert.equal(unitIsAmbiguous({ unit: 'count', countingUnit: 'children' }), true);
    assert.equal(unitIsAmbiguous({ unit: 'count' }), false);
    assert.equal(unitIsAmbiguous({ unit: 'percent', countingUnit: 'children' }), false);
  });
});
