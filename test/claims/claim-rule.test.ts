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
