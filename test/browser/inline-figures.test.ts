import assert from 'node:assert/strict';
import { join } from 'node:path';
import type { ChromiumSession } from '../../src/cli/pdf.js';
import { openDocument, startBrowser } from './browser.js';
import { REPO } from './documents.js';

/**
 * Runs in the page. For every RAG, value and change inside a paragraph: is it laid out
 * inline (not a block in the middle of a sentence), and does the character before it,
 * when it is an opening bracket, sit on the same line as the figure's first character?
 */
const CHECK = `(() => {
  const problems = [];
  for (const el of document.querySelectorAll('main p .sc-rag, main p .sc-value, main p .sc-change')) {
    const style = getComputedStyle(el);
    if (style.display !== 'inline') problems.push(el.className + ' is ' + style.display + ': ' + el.textContent);
    const before = el.previousSibling;
    if (before && before.nodeType === 3 && /\\($/.test(before.textContent)) {
      const range = document.createRange();
      range.setStart(before, before.textContent.length - 1);
      range.setEnd(before, before.textContent.length);
      const bracket = range.getClientRects()[0];
      const first = el.getClientRects()[0];
      if (bracket && first && Math.abs(bracket.top - first.top) > 2) problems.push('"(" left at a line end before ' + el.textContent);
    }
  }
  return problems;
})()`;

describe('inline figures in a sentence (Chromium)', function () {
  this.timeout(300_000);
  let session: ChromiumSession;
  before(async function () {
    session = await startBrowser(this);
  });
  after(async () => {
    await session?.close();
  });

  it('never leave "(" at a line end nor break into a block, at any width', async () => {
    const root = join(REPO, 'test', 'fixtures', 'render');
    const { createEngine } = await import('../../src/engine/index.js');
    const engine = createEngine({ allowedRoots: [root] });
    const sentence =
      'Assessments stood at :value{id=PCT} against a target of :target{id=PCT} (:rag{id=PCT}); the band indicator was (:rag{id=BAND}) and the count (:value{id=CNT}, :change{id=CNT}), with placements (:rag{id=LOW}).';
    const text = `---\ntitle: t\nperiod: 2023/24 Q4\ndata: ../data.yaml\n---\n\n${sentence} ${sentence}\n`;
    const result = await engine.render(text, { path: join(root, 'inline', 'input.md') });
    assert.deepEqual(result.messages, []);
    const loaded = await openDocument(session, result.html);
    try {
      let checked = 0;
      // Every width from a phone to a wide window moves the line ends across the figures.
      for (let width = 300; width <= 900; width += 13) {
        await loaded.page.setViewportSize({ width, height: 800 });
        for (const media of ['screen', 'print'] as const) {
          await loaded.page.emulateMedia({ media });
          const problems = await loaded.page.evaluate<string[]>(CHECK);
          assert.deepEqual(problems, [], `at ${width}px (${media})`);
          checked += 1;
        }
      }
      assert.ok(checked > 90);
    } finally {
      await loaded.dispose();
    }
  });
});
