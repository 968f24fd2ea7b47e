import assert from 'node:assert/strict';
import { executableParts, renderAttacks } from './attack-corpus.js';
import { assertWellFormed } from './helpers.js';

describe('the attack corpus (plain Node)', function () {
  this.timeout(60_000);
  let rendered: Awaited<ReturnType<typeof renderAttacks>>;
  before(async () => {
    rendered = await renderAttacks();
  });

  it('the detector finds what it is meant to find (so a pass means something)', () => {
    const found = executableParts(
      '<body><script>x</script><img src="http://a/b.png" onerror="x"><a href=" java\tscript:x">l</a><div style="background:url(http://a)"></div><iframe></iframe><style></style></body>',
    );
    assert.equal(found.length, 7, found.join('\n'));
  });

  for (const mode of ['preview', 'public', 'exempt'] as const) {
    it(`renders to inert markup in ${mode} mode`, () => {
      const entry = rendered.find((item) => item.mode === mode);
      assert.ok(entry);
      assertWellFormed(entry.result);
      assert.deepEqual(executableParts(entry.result.html), []);
      assert.deepEqual(executableParts(`<body>${entry.result.body}</body>`), []);
    });
  }

  it('keeps the attacker text visible as text, and the figures still render', () => {
    const entry = rendered.find((item) => item.mode === 'preview');
    assert.ok(entry);
    assert.match(entry.result.body, /&#x3C;script>alert\('title'\)/);
    assert.match(entry.result.body, /61%/);
    // Vega expressions in attributes are refused as attributes, not evaluated.
    assert.ok(entry.result.messages.some((m) => m.reason.startsWith('periods=datum.value')));
  });

  it('does not let an author forge a slot placeholder', () => {
    for (const { result } of rendered) assert.doesNotMatch(result.body, /sc-slot|data-slot/);
  });
});
