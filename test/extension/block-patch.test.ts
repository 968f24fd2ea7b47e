import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeReport } from '../../bench/generate.js';
import { planBlocks, sentChars } from '../../src/extension/logic/block-patch-plan.js';
import { BlockPatcher } from '../../src/extension/logic/block-patcher.js';
import type { BlockSlot } from '../../src/extension/logic/preview-protocol.js';
import { createEngine } from '../../src/engine/index.js';
import { modelPage } from './model-page.js';

const block = (key: string, html: string) => ({ key, html });

describe('block patch: the plan (host)', () => {
  it('sends every block whole to a page that holds none', () => {
    const next = [block('a', '<p data-line="0">A</p>'), block('b', '<p data-line="2">B</p>')];
    assert.deepEqual(planBlocks(undefined, next), next);
  });

  it('sends only new blocks; kept ones go by key, moved ones with their line shift', () => {
    const held = [
      block('a', '<p data-line="0">A</p>'),
      block('b', '<p data-line="2">B</p>'),
      block('c', '<div data-line="4"><p data-line="5">C</p></div>'),
    ];
    const next = [
      block('a', '<p data-line="0">A</p>'),
      block('n', '<p data-line="2">New</p>'),
      block('b', '<p data-line="4">B</p>'),
      block('c', '<div data-line="6"><p data-line="7">C</p></div>'),
    ];
    const slots = planBlocks(held, next);
    assert.deepEqual(slots, [
      { key: 'a' },
      { key: 'n', html: '<p data-line="2">New</p>' },
      { key: 'b', shift: 2 },
      { key: 'c', shift: 2 },
    ]);
    assert.equal(sentChars(slots), '<p data-line="2">New</p>'.length);
  });

  it('sends a block whole when its HTML differs by more than a line shift', () => {
    const slots = planBlocks([block('a', '<p>A</p>')], [block('a', '<p>B</p>')]);
    assert.deepEqual(slots, [{ key: 'a', html: '<p>B</p>' }]);
  });
});

describe('block patch: the page', () => {
  const whole = (seq: number, blocks: readonly BlockSlot[]) =>
    ({ type: 'blocks', base: null, seq, blocks, banner: '' }) as const;
  const patch = (base: number, seq: number, blocks: readonly BlockSlot[]) =>
    ({ type: 'blocks', base, seq, blocks, banner: '' }) as const;

  it('keeps the nodes of unchanged blocks, adds new ones in place and drops the rest', () => {
    const page = modelPage();
    const patcher = new BlockPatcher(page.dom);
    assert.equal(
      patcher.apply(
        whole(1, [
          { key: 'a', html: '<p data-line="0">A</p>' },
          { key: 'chart', html: '<figure data-line="2"><svg/></figure>' },
          { key: 'gone', html: '<p data-line="4">Old</p>' },
        ]),
      ),
      true,
    );
    const chart = page.content[1];
    assert.equal(
      patcher.apply(
        patch(1, 2, [
          { key: 'n', html: '<p data-line="0">First</p>' },
          { key: 'a', shift: 2 },
          { key: 'chart', shift: 2 },
        ]),
      ),
      true,
    );
    assert.equal(
      page.html(),
      '<p data-line="0">First</p>\n<p data-line="2">A</p>\n<figure data-line="4"><svg/></figure>',
    );
    assert.equal(page.content[2], chart, 'the chart is the same node');
    assert.equal(page.counts.moved, 0, 'nothing was moved that did not have to be');
    assert.equal(page.counts.removed, 1);
  });

  it('moves a kept block when blocks are reordered', () => {
    const page = modelPage();
    const patcher = new BlockPatcher(page.dom);
    patcher.apply(
      whole(1, [
        { key: 'a', html: 'A' },
        { key: 'b', html: 'B' },
      ]),
    );
    const [a, b] = page.content;
    assert.ok(patcher.apply(patch(1, 2, [{ key: 'b' }, { key: 'a' }])));
    assert.deepEqual(page.content, [b, a]);
  });

  it('refuses a patch on content it does not hold, changing nothing', () => {
    const page = modelPage();
    const patcher = new BlockPatcher(page.dom);
    patcher.apply(whole(1, [{ key: 'a', html: 'A' }]));
    const before = [...page.content];
    assert.equal(patcher.apply(patch(7, 8, [{ key: 'a' }])), false, 'wrong base');
    assert.equal(patcher.apply(patch(1, 2, [{ key: 'x' }])), false, 'unknown key');
    assert.equal(patcher.apply(patch(1, 2, [{ key: 'a' }, { key: 'a' }])), false, 'repeated');
    assert.deepEqual(page.content, before);
    // A whole update is always taken, and clears what was there (the first page's body).
    page.content.push({ html: 'stray', id: -1 });
    assert.ok(patcher.apply(whole(9, [{ key: 'z', html: 'Z' }])));
    assert.equal(page.html(), 'Z');
    assert.ok(patcher.apply(patch(9, 10, [{ key: 'z' }])));
  });
});

describe('block patch: engine renders round trip', function () {
  this.timeout(120_000);
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'scorecard-block-patch-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a line typed above the charts resends one block and leaves every chart in place', async () => {
    const report = writeReport(dir, 4);
    const engine = createEngine();
    const first = await engine.render(report.markdown, { path: report.reportPath });
    assert.equal(first.blocks.map((b) => b.html).join('\n'), first.body);
    assert.equal(new Set(first.blocks.map((b) => b.key)).size, first.blocks.length);
    const page = modelPage();
    const patcher = new BlockPatcher(page.dom);
    assert.ok(
      patcher.apply({
        type: 'blocks',
        base: null,
        seq: 1,
        blocks: planBlocks(undefined, first.blocks),
        banner: '',
      }),
    );
    const charts = page.content.filter((node) => node.html.includes('<svg'));
    assert.ok(charts.length >= 4, 'every chart (and card) has its SVG');

    // A new line in the opening paragraph: every block below moves down one line.
    const edited = report.markdown.replace(
      'This annual report sets out',
      'This annual report\nsets out',
    );
    const second = await engine.render(edited, { path: report.reportPath });
    const slots = planBlocks(first.blocks, second.blocks);
    const sent = slots.filter((slot) => slot.html !== undefined);
    assert.equal(sent.length, 1, `one block sent, not ${sent.length}`);
    assert.ok(slots.filter((slot) => slot.shift === 1).length >= 8, 'the blocks below shift');
    assert.ok(patcher.apply({ type: 'blocks', base: 1, seq: 2, blocks: slots, banner: '' }));
    assert.equal(page.html(), second.body, 'the page holds exactly the new render');
    for (const chart of charts)
      assert.ok(page.content.includes(chart), 'a chart node was replaced');
  });
});
