import assert from 'node:assert/strict';
import { front, renderWith, textOf } from './helpers.js';

const DATA = `include: [need.csv]
indicators:
  - id: CLA-NEED
    title: Children starting to be looked after, by category of need
    unit: percent
    polarity: none
    breakdown: category of need
    values:
      - { period: 2023/24, category: Abuse or neglect, value: 61 }
      - { period: 2023/24, category: Absent parenting, value: 17 }
      - { period: 2023/24, category: Family dysfunction, value: 22 }
      - { period: 2022/23, category: Abuse or neglect, value: 58 }
      - { period: 2022/23, category: Absent parenting, value: 19 }
`;
const CSV =
  'indicator,period,category,value\nCLA-NEED,2022/23,Family dysfunction,23\nCLA-NEED,2021/22,Abuse or neglect,55\nCLA-NEED,2021-22,absent parenting,21\n';

describe('breakdown indicators', function () {
  this.timeout(120_000);

  it(':value{category} shows one category, from YAML or CSV rows', async () => {
    const result = await renderWith(
      `${front('2023/24')}A :value{id=CLA-NEED category="Abuse or neglect"}, B :value{id=CLA-NEED category="absent parenting" period=2021/22}, C :value{id=CLA-NEED category="Family dysfunction" period=2022-23}.\n`,
      { 'data.yaml': DATA, 'need.csv': CSV },
    );
    assert.deepEqual(result.messages, []);
    assert.match(textOf(result.body), /A 61%, B 21%, C 23%\./);
  });

  it('an unknown category is a positioned message with the nearest categories', async () => {
    const result = await renderWith(
      `${front('2023/24')}Text :value{id=CLA-NEED category="Abuse and neglect"}.\n`,
      { 'data.yaml': DATA, 'need.csv': CSV },
    );
    assert.equal(result.messages.length, 1);
    const [message] = result.messages;
    assert.equal(message!.ruleId, 'unknown-category');
    assert.equal(message!.severity, 'error');
    assert.deepEqual([message!.line, message!.column], [7, 6]);
    assert.equal(message!.suggestions?.[0], 'Abuse or neglect');
    assert.match(
      message!.reason,
      /no category of need "Abuse and neglect"; did you mean "Abuse or neglect"/,
    );
  });

  it('::breakdown tables the categories over the last 3 periods by default', async () => {
    const result = await renderWith(`${front('2023/24')}::breakdown{id=CLA-NEED}\n`, {
      'data.yaml': DATA,
      'need.csv': CSV,
    });
    assert.deepEqual(result.messages, []);
    const table = /<table class="sc-breakdown">.*?<\/table>/s.exec(result.body)?.[0] ?? '';
    assert.match(
      textOf(table),
      /^Children starting to be looked after, by category of need Category of need 2021\/22 2022\/23 2023\/24 Abuse or neglect 55% 58% 61% Absent parenting 21% 19% 17% Family dysfunction no value 23% 22%$/,
    );
  });

  it('::breakdown{periods=2 chart=true} draws a chart above the table', async () => {
    const result = await renderWith(
      `${front('2023/24')}::breakdown{id=CLA-NEED periods=2 chart=true title="Need"}\n`,
      { 'data.yaml': DATA, 'need.csv': CSV },
    );
    assert.deepEqual(result.messages, []);
    assert.match(result.body, /<figure class="sc-chart sc-breakdown-chart"/);
    assert.match(result.body, /<svg[^>]*role="img"/);
    assert.match(result.body, /<title id="[^"]+">Need<\/title>/);
    assert.match(result.body, /61% \(2023\/24\)/, 'bars carry their figure and period in words');
    assert.match(
      textOf(result.body),
      /Category of need 2022\/23 2023\/24 Abuse or neglect 58% 61%/,
    );
  });

  it('::breakdown on an indicator without categories says so', async () => {
    const data = `indicators:\n  - { id: X, title: X, unit: count, polarity: none, values: [{ period: 2023/24, value: 3 }] }\n`;
    const result = await renderWith(`${front('2023/24')}::breakdown{id=X}\n`, {
      'data.yaml': data,
    });
    assert.deepEqual(
      result.messages.map((m) => m.ruleId),
      ['unknown-category'],
    );
  });

  it('category rows without breakdown: are reported in the data file', async () => {
    const data = `indicators:\n  - { id: X, title: X, unit: count, polarity: none, values: [{ period: 2023/24, category: A, value: 30 }] }\n`;
    const result = await renderWith(`${front('2023/24')}:value{id=X category=A}\n`, {
      'data.yaml': data,
    });
    assert.deepEqual(
      result.messages.map((m) => m.ruleId),
      ['data-invalid'],
    );
    assert.match(result.messages[0]!.reason, /no breakdown:/);
  });
});
