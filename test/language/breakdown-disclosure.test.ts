import assert from 'node:assert/strict';
import { front, renderWith, textOf } from './helpers.js';

/** A count broken down by category: the categories add up to the total (rows without one). */
const DATA = `indicators:
  - id: CLA-START
    title: Children starting to be looked after
    unit: count
    polarity: none
    counting_unit: children
    breakdown: category of need
    values:
      - { period: 2023/24, value: 40 }
      - { period: 2023/24, category: Abuse or neglect, value: 30 }
      - { period: 2023/24, category: Absent parenting, value: 7 }
      - { period: 2023/24, category: Family dysfunction, value: 3 }
`;

describe('breakdown categories in the public export', function () {
  this.timeout(120_000);

  it('a small category is suppressed in a sentence, with an error at its place', async () => {
    const result = await renderWith(
      `${front('2023/24')}Family dysfunction: :value{id=CLA-START category="Family dysfunction"}.\n`,
      { 'data.yaml': DATA },
      {},
      'public',
    );
    assert.doesNotMatch(textOf(result.body), /Family dysfunction: 3\b/);
    const small = result.messages.filter((m) => m.ruleId === 'small-number');
    assert.ok(small.length > 0, 'the suppression is reported');
    assert.equal(small[0]!.line, 7);
    assert.ok(result.refused);
  });

  it('a ::breakdown table suppresses the small category and one more (complementary)', async () => {
    const result = await renderWith(
      `${front('2023/24')}Total :value{id=CLA-START}.\n\n::breakdown{id=CLA-START periods=1}\n`,
      { 'data.yaml': DATA },
      {},
      'public',
    );
    const text = textOf(result.body);
    assert.match(text, /Total 40/);
    assert.doesNotMatch(text, /Family dysfunction 3\b/);
    // With 40 and two of three categories printed, the third could be worked out.
    const printed = ['Abuse or neglect 30', 'Absent parenting 7'].filter((row) =>
      text.includes(row),
    );
    assert.ok(printed.length < 2, `only one other category may stay printed: ${text}`);
  });

  it('the preview shows every category and warns', async () => {
    const result = await renderWith(
      `${front('2023/24')}::breakdown{id=CLA-START periods=1}\n`,
      { 'data.yaml': DATA },
      {},
      'preview',
    );
    assert.match(textOf(result.body), /Family dysfunction 3\b/);
    assert.ok(result.messages.some((m) => m.ruleId === 'small-number' && m.severity === 'warning'));
  });
});
