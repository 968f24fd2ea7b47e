import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { createEngine, createMemoryHost } from '../../src/engine/index.js';

/** `:target` shows the target alone: the value's absence is none of its business. */
describe(':target for a period with a target and no value', () => {
  const root = resolve('/scorecard-target-alone-test');
  const reportPath = join(root, 'report.md');
  const host = createMemoryHost({
    [join(root, 'data.yaml')]: `indicators:
  - id: OP148
    title: Care leavers in education, employment or training
    unit: percent
    decimals: 1
    polarity: higher
    values:
      - { period: 2023/24 Q3, value: 55 }
      - { period: 2023/24 Q4, value: 58 }
    targets:
      - { period: 2023/24, value: 30 }
`,
  });
  const rules = async (body: string) => {
    const text = `---\ntitle: T\nperiod: 2023/24\ndata: data.yaml\n---\n\n${body}\n`;
    const result = await createEngine({ host }).render(text, { path: reportPath });
    return { body: result.body, rules: result.messages.map((message) => message.ruleId) };
  };

  it('prints the target and warns of nothing', async () => {
    const target = await rules('The target is :target{id=OP148}.');
    assert.match(target.body, /30\.0%/);
    assert.deepEqual(target.rules, []);
  });

  it('still warns where the value is asked for', async () => {
    assert.deepEqual((await rules('It stood at :value{id=OP148}.')).rules, ['no-value']);
  });
});

/** A quarter's figure answering for its last month is labelled with its own period. */
describe(':value for a month, answered by its quarter', () => {
  const root = resolve('/scorecard-month-of-quarter-test');
  const host = createMemoryHost({
    [join(root, 'data.yaml')]: `indicators:
  - id: OP148
    title: Care leavers in education, employment or training
    unit: percent
    polarity: higher
    values:
      - { period: 2023/24 Q4, value: 58 }
`,
  });

  it('says which period the figure is for', async () => {
    const text = `---\ntitle: T\nperiod: 2023/24 Q4\ndata: data.yaml\n---\n\nMarch: :value{id=OP148 period=2024-03}; the quarter: :value{id=OP148}.\n`;
    const result = await createEngine({ host }).render(text, { path: join(root, 'r.md') });
    assert.match(
      result.body,
      /March: <span class="sc-value">58%<\/span> \(Q4 2023\/24\); the quarter: <span class="sc-value">58%<\/span>\./,
    );
  });
});
