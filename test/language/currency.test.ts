import assert from 'node:assert/strict';
import { formatAmount, formatDifference } from '../../src/engine/semantics/format.js';
import { front, renderWith, textOf } from './helpers.js';

describe('unit: currency', function () {
  this.timeout(60_000);
  it('prints pounds with separators, rounding to the decimals', () => {
    const gbp = { unit: 'currency', decimals: 0, currency: 'GBP' } as const;
    assert.equal(formatAmount(gbp, 7214.4), '£7,214');
    assert.equal(formatAmount(gbp, 7214.5), '£7,215');
    assert.equal(formatAmount({ ...gbp, decimals: 2 }, 7214.5), '£7,214.50');
    assert.equal(formatAmount({ ...gbp, decimals: 2 }, 0.256), '£0.26');
    assert.equal(formatAmount({ unit: 'currency', decimals: 0 }, 12), '£12', 'GBP by default');
    assert.equal(formatAmount({ ...gbp, currency: 'EUR' }, 1500), '€1,500');
    assert.equal(formatDifference(gbp, -250), '£250');
  });

  it('leaves percent and rates as they were', () => {
    assert.equal(formatAmount({ unit: 'percent', decimals: 0 }, 67), '67%');
    assert.equal(
      formatAmount({ unit: 'rate_per_10000', decimals: 1 }, 52.34),
      '52.3 per 10,000 children',
    );
  });

  it('prints a currency indicator in a report: value, target, change', async () => {
    const data = `indicators:
  - id: PLACE-COST
    title: Average weekly cost of a residential placement
    unit: currency
    currency: GBP
    decimals: 0
    polarity: lower
    targets:
      - { period: 2023/24, value: 7000, tolerance: 500 }
    values:
      - { period: 2022/23, value: 6890.4 }
      - { period: 2023/24, value: 7214.2 }
`;
    const result = await renderWith(
      `${front('2023/24')}Cost :value{id=PLACE-COST} against :target{id=PLACE-COST}; :change{id=PLACE-COST}.\n`,
      { 'data.yaml': data },
    );
    assert.deepEqual(result.messages, []);
    const text = textOf(result.body);
    assert.match(text, /Cost £7,214 against £7,000/);
    assert.match(text, /up £324 from £6,890 in 2022\/23, worse/);
  });

  it('refuses a currency code that is not three capital letters', async () => {
    const data = `indicators:
  - { id: C, title: C, unit: currency, currency: pounds, polarity: lower, values: [{ period: 2023/24, value: 1 }] }
`;
    const result = await renderWith(`${front('2023/24')}:value{id=C}\n`, { 'data.yaml': data });
    assert.equal(result.messages[0]?.ruleId, 'data-invalid');
    assert.match(result.messages[0]!.reason, /not a currency code/);
  });
});
