import assert from 'node:assert/strict';
import { findObservation, indicatorFacts } from '../../src/engine/facts.js';
import { parsePeriod } from '../../src/engine/periods.js';
import type { Indicator, Observation, Period } from '../../src/engine/types.js';
import { front, renderWith, textOf } from './helpers.js';

const period = (text: string): Period => {
  const p = parsePeriod(text);
  assert.ok(p, text);
  return p;
};
const place = { file: 'd.yaml', line: 1, column: 1 };
const obs = (p: string, value: number): Observation => ({
  period: period(p),
  value,
  source: place,
});
const monthly = (values: Observation[]): Indicator => ({
  id: 'OP419',
  aliases: [],
  title: 'Children looked after who went missing in the month',
  unit: 'count',
  decimals: 0,
  polarity: 'lower',
  countingUnit: 'children',
  tags: [],
  values,
  targets: [],
  benchmarks: [],
  source: place,
});

describe('monthly and snapshot figures in longer periods', function () {
  this.timeout(60_000);
  const op419 = monthly([
    obs('2023-12', 12),
    obs('2024-01', 14),
    obs('2024-02', 19),
    obs('2024-03', 17),
    obs('2024-04', 21),
  ]);

  it('a quarter resolves to the latest month inside it', () => {
    const found = findObservation(op419, period('2023/24 Q4'));
    assert.equal(found.status, 'current');
    assert.equal(found.observation?.period.key, '2024-03');
    assert.equal(findObservation(op419, period('2023/24 Q3')).observation?.value, 12);
    assert.equal(findObservation(op419, period('2023/24')).observation?.period.key, '2024-03');
    assert.equal(findObservation(op419, period('2024/25 Q1')).observation?.value, 21);
  });

  it('compares with the latest month of the previous quarter, or of the quarter a year earlier', () => {
    const facts = indicatorFacts(op419, period('2023/24 Q4'), 'previous', []);
    assert.equal(facts.previous?.period.key, '2023-12');
    assert.match(facts.change?.text ?? '', /up 5 from 12 in December 2023/);
  });

  it('a snapshot date stands for the year it ends', () => {
    const snapshots = monthly([obs('2023-03-31', 300), obs('2024-03-31', 310)]);
    assert.equal(findObservation(snapshots, period('2023/24')).observation?.value, 310);
  });

  it(':value labels the month: "17 (March 2024)", not "no value for Q4 2023/24"', async () => {
    const csv =
      'indicator,period,value\nOP419,2024-01,14\nOP419,2024-02,19\nOP419,2024-03,17\nOP419,2024-03-31,5\n';
    const data = `include: [values.csv]
indicators:
  - id: OP419
    title: Children looked after who went missing in the month
    unit: count
    polarity: none
    counting_unit: children
  - id: CLA-SNAP
    title: Children looked after at the end of the period
    unit: count
    polarity: none
    values:
      - { period: 2023-03-31, value: 402 }
      - { period: 2024-03-31, value: 415 }
`;
    const result = await renderWith(
      `${front('2023/24 Q4')}Missing: :value{id=OP419}. Looked after: :value{id=CLA-SNAP period=2023/24}.\n`,
      { 'data.yaml': data, 'values.csv': csv.replace('OP419,2024-03-31,5\n', '') },
    );
    assert.deepEqual(result.messages, []);
    const text = textOf(result.body);
    assert.match(text, /Missing: 17 children \(March 2024\)\./);
    assert.match(text, /Looked after: 415 \(at 31 March 2024\)\./);
    assert.doesNotMatch(text, /no value/);
  });

  it('a chart of quarterly and monthly indicators charts the latest month in each quarter', async () => {
    const data = `indicators:
  - id: MISS
    title: Children missing from care in the quarter
    unit: count
    polarity: lower
    counting_unit: children
    values:
      - { period: 2023/24 Q3, value: 14 }
      - { period: 2023/24 Q4, value: 17 }
  - id: OP419
    title: Children looked after who went missing in the month
    unit: count
    polarity: lower
    counting_unit: children
    values:
      - { period: 2023-11, value: 9 }
      - { period: 2023-12, value: 12 }
      - { period: 2024-03, value: 11 }
`;
    const quarters = await renderWith(
      `${front('2023/24 Q4')}::chart{ids="MISS,OP419" periods=2}\n`,
      { 'data.yaml': data },
    );
    assert.deepEqual(quarters.messages, []);
    assert.deepEqual(
      quarters.figures.map((f) => [f.indicator, f.period, f.value]),
      [
        ['MISS', '2023/24 Q3', 14],
        ['OP419', '2023-12', 12],
        ['MISS', '2023/24 Q4', 17],
        ['OP419', '2024-03', 11],
      ],
    );
    // The table and the description say which month stands for the quarter.
    const text = textOf(quarters.body);
    assert.match(text, /Q4 2023\/24 17 11 \(March 2024\)/);
    assert.match(text, /The latest figure is 11 in March 2024\./);
    // Months first: a quarter cannot stand on a month's place, and the author is told.
    const months = await renderWith(`${front('2023/24 Q4')}::chart{ids="OP419,MISS" periods=2}\n`, {
      'data.yaml': data,
    });
    assert.deepEqual(
      months.messages.map((m) => [m.ruleId, m.severity]),
      [['no-value', 'warning']],
    );
    assert.match(months.messages[0]!.reason, /MISS has no figure for this chart's periods/);
  });
});
