import assert from 'node:assert/strict';
import { longBlockProblem } from '../../src/engine/report/input-limits.js';
import { createEngine } from '../../src/engine/index.js';

describe('long blocks', () => {
  const rows = (n: number) => '| a | b |\n'.repeat(n);

  it('refuses a block of more than 2000 lines, pointing at its first line', () => {
    const problem = longBlockProblem(`# Title\n\nIntro\n\n${rows(2001)}`, '/r.md');
    assert.equal(problem?.ruleId, 'input-too-large');
    assert.equal(problem?.line, 5);
    assert.match(problem?.reason ?? '', /more than 2000 lines/);
  });

  it('accepts long reports whose blocks are separated by blank lines', () => {
    assert.equal(
      longBlockProblem(`${rows(2000)}\n${rows(2000)}\n   \n${rows(10)}`, '/r.md'),
      undefined,
    );
  });

  it('makes the engine refuse such a report without parsing it', async () => {
    const result = await createEngine().render(`---\ntitle: T\n---\n\n${rows(50_000)}`, {
      path: '/tmp/r.md',
    });
    assert.equal(result.refused, true);
    assert.deepEqual(
      result.messages.map((m) => [m.ruleId, m.line]),
      [['input-too-large', 5]],
    );
    assert.doesNotMatch(result.body, /<table/);
  });
});
