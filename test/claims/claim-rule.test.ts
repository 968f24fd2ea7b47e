import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { renderWith, front } from '../language/helpers.js';

const data = readFileSync(new URL('./data.yaml', import.meta.url), 'utf8');

const REPORT = `${front('2023/24 Q4')}## Care leavers

:::indicator{id=EET}
Care leavers in education, employment or training stood at 64% this quarter,
below the target of :target{id=EET}.
:::

Re-referrals were :value{id=REREF}, above the England average.
`;

describe('narrative-claim rule in the engine', function () {
  this.timeout(30000);

  it('is a warning at the claim, with the directive as a suggestion', async () => {
    const result = await renderWith(REPORT, { 'data.yaml': data }, {}, 'exempt');
    const claims = result.messages.filter((m) => m.ruleId === 'narrative-claim');
    assert.deepEqual(
      claims.map((m) => [
        m.severity,
        m.line,
        m.column,
        m.endLine,
        m.endColumn,
        m.reason,
        m.suggestions,
      ]),
      [
        [
          'warning',
          10,
          60,
          10,
          63,
          `"stood at 64%", but EET's Q4 2023/24 value is 67%`,
          [':value{id=EET}'],
        ],
        [
          'warning',
          14,
          37,
          14,
          62,
          `"above the England average", but REREF's 2023/24 value 21.3% is below England's 22.4% (2022/23)`,
          [':benchmark{id=REREF vs=England}', 'below the England average'],
        ],
      ],
    );
    assert.equal(result.refused, false);
  });

  it('reads a sentence that names the indicator by its code alone', async () => {
    const report = `${front('2023/24')}CLA-RATE stood at 52.1 per 10,000 this year.

The panel met 12 times.
`;
    const result = await renderWith(report, { 'data.yaml': data }, {}, 'exempt');
    assert.deepEqual(
      result.messages.filter((m) => m.ruleId === 'narrative-claim').map((m) => m.reason),
      [`"stood at 52.1 per 10,000", but CLA-RATE's 2023/24 value is 49.8 per 10,000 children`],
    );
  });

  it('holds a typed change to the change, and a count without a counting unit to its title', async () => {
    const report = `${front('2023/24 Q4')}:::indicator{id=OOA}
Placements stood at 9 this quarter. This is a rise of 9 children since December.
:::

:::indicator{id=MISSING}
This is a rise of 3 children since February. We placed 3 children with kin this month.
:::
`;
    const result = await renderWith(report, { 'data.yaml': data }, {}, 'exempt');
    const claims = result.messages.filter((m) => m.ruleId === 'narrative-claim');
    assert.deepEqual(
      claims.map((m) => [m.line, m.reason, m.suggestions]),
      [
        [8, `"stood at 9", but OOA's Q4 2023/24 value is 14`, [':value{id=OOA}']],
        [
          8,
          `"rise of 9", but OOA's Q4 2023/24 figure is up 2 from 12 in Q3 2023/24, worse`,
          [':change{id=OOA}'],
        ],
      ],
    );
  });

  it('marks the claim in the preview, and never in an export', async () => {
    const preview = await renderWith(REPORT, { 'data.yaml': data }, {}, 'preview');
    assert.match(preview.body, /stood at 64%<span class="sc-problem sc-claim" role="note">/);
    assert.match(preview.body, /EET(?:'|&#x27;)s Q4 2023\/24 value is 67% \(narrative-claim\)/);
    for (const mode of ['public', 'exempt'] as const) {
      const exported = await renderWith(REPORT, { 'data.yaml': data }, {}, mode);
      assert.doesNotMatch(exported.html, /sc-claim|narrative-claim/);
      assert.match(exported.html, /stood at 64% this quarter/);
      assert.ok(exported.messages.some((m) => m.ruleId === 'narrative-claim'));
    }
  });

  it('reports the same claims from check as from render', async () => {
    const { createEngine } = await import('../../src/engine/index.js');
    const { mkdtempSync, writeFileSync, rmSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tmpdir } = await import('node:os');
    const folder = mkdtempSync(join(tmpdir(), 'scorecard-claims-'));
    try {
      writeFileSync(join(folder, 'data.yaml'), data);
      const engine = createEngine();
      const path = join(folder, 'report.md');
      const checked = (await engine.check(REPORT, { path })).filter(
        (m) => m.ruleId === 'narrative-claim',
      );
      const rendered = (await engine.render(REPORT, { path })).messages.filter(
        (m) => m.ruleId === 'narrative-claim',
      );
      assert.equal(checked.length, 2);
      assert.deepEqual(checked, rendered);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  });
});

describe('a small number typed in prose', function () {
  this.timeout(30000);
  const smallData = `small_number_threshold: 5
indicators:
  - id: MIS1
    title: Children missing from care in the quarter
    unit: count
    decimals: 0
    polarity: lower
    counting_unit: children
    values:
      - { period: 2023/24 Q3, value: 9 }
      - { period: 2023/24 Q4, value: 3 }
`;
  const report = (sentence: string) =>
    `${front('2023/24 Q4')}## Missing\n\n:::indicator{id=MIS1}\n:::\n\nUnder the card.\n\n:::indicator{id=MIS1}\n${sentence}\n:::\n`;

  it('stops the public export as the directive would, without repeating the number', async () => {
    const result = await renderWith(
      report('Sadly 3 children went missing from care this quarter.'),
      { 'data.yaml': smallData },
      { allowSmallNumbers: false } as never,
      'public',
    );
    const typed = result.messages.filter((m) => m.ruleId === 'small-number' && m.line === 15);
    assert.equal(typed.length, 1, JSON.stringify(result.messages));
    assert.equal(typed[0]!.severity, 'error');
    assert.equal(typed[0]!.column, 7);
    assert.doesNotMatch(typed[0]!.reason, /\b3\b/);
    assert.deepEqual(typed[0]!.suggestions, [':value{id=MIS1}']);
    assert.equal(result.refused, true);
  });

  it('is a warning in the preview, and says nothing of other numbers or other periods', async () => {
    const preview = await renderWith(
      report('Sadly 3 children went missing from care this quarter.'),
      { 'data.yaml': smallData },
      {},
      'preview',
    );
    const typed = preview.messages.filter((m) => m.ruleId === 'small-number' && m.line === 15);
    assert.deepEqual(
      typed.map((m) => m.severity),
      ['warning'],
    );
    for (const sentence of [
      'Numbers fell from 9 children in Q3.',
      'The team held 3 training sessions on return home interviews.',
      'Sadly 4 children went missing from care this quarter.',
    ]) {
      const other = await renderWith(report(sentence), { 'data.yaml': smallData }, {}, 'public');
      assert.deepEqual(
        other.messages.filter((m) => m.line === 15).map((m) => m.ruleId),
        sentence.startsWith('Sadly 4') ? ['narrative-claim'] : [],
        sentence,
      );
    }
  });
});
