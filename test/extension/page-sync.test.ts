import assert from 'node:assert/strict';
import fc from 'fast-check';
import { BlockPatcher } from '../../src/extension/logic/block-patcher.js';
import {
  PageSync,
  type BlocksMessage,
  type PageContent,
} from '../../src/extension/logic/page-sync.js';
import { modelPage } from './model-page.js';

const content = (...keys: string[]): PageContent => ({
  blocks: keys.map((key) => ({ key, html: `<p>${key}</p>` })),
  banner: '',
});
const sent = (message: BlocksMessage | undefined) =>
  message?.blocks.filter((slot) => slot.html !== undefined).map((slot) => slot.key);

describe('page sync: what the host posts the preview page', () => {
  it('posts nothing before the page can hear, then the newest content whole, to scroll', () => {
    const sync = new PageSync();
    sync.loading();
    assert.equal(sync.rendered(content('a')), undefined);
    assert.equal(sync.rendered(content('a', 'b')), undefined);
    const update = sync.pageReady(content('a', 'b'));
    assert.equal(update?.message.base, null);
    assert.deepEqual(sent(update?.message), ['a', 'b']);
    assert.equal(update?.fills, true, 'a page given its first content is scrolled');
  });

  it('gives a page that was ready before the first render its content whole', () => {
    const sync = new PageSync();
    sync.loading();
    assert.equal(sync.pageReady(undefined), undefined);
    const update = sync.rendered(content('a'));
    assert.equal(update?.message.base, null);
    assert.equal(update?.fills, true);
  });

  it('then sends only the blocks the page lacks, on the content it holds', () => {
    const sync = new PageSync();
    sync.loading();
    const first = sync.pageReady(content('a', 'chart'))!;
    const next = sync.rendered(content('a2', 'chart'))!;
    assert.equal(next.message.base, first.message.seq);
    assert.deepEqual(sent(next.message), ['a2']);
    assert.equal(next.fills, false);
  });

  it('sends everything again to a page VS Code made again, or that lost track', () => {
    const sync = new PageSync();
    sync.loading();
    sync.pageReady(content('a'));
    sync.rendered(content('a', 'b'));
    const shownAgain = sync.pageReady(content('a', 'b'))!;
    assert.deepEqual(sent(shownAgain.message), ['a', 'b']);
    assert.equal(shownAgain.fills, true);
    const resync = sync.resync(content('a', 'b'))!;
    assert.equal(resync.message.base, null);
    assert.equal(resync.fills, false, 'a page that lost track keeps its place');
  });

  it('follows a message that did not arrive with a whole one, but not an older one', () => {
    const sync = new PageSync();
    sync.loading();
    const first = sync.pageReady(content('a'))!;
    const second = sync.rendered(content('a', 'b'))!;
    sync.undelivered(first.message.seq);
    assert.equal(sync.rendered(content('a', 'b', 'c'))?.message.base, second.message.seq);
    const third = sync.rendered(content('c'))!;
    sync.undelivered(third.message.seq);
    assert.equal(sync.rendered(content('c'))?.message.base, null);
  });

  it('a page written again hears nothing until its script is ready', () => {
    const sync = new PageSync();
    sync.loading();
    sync.pageReady(content('a'));
    sync.loading();
    assert.equal(sync.rendered(content('b')), undefined);
    assert.equal(sync.pageReady(content('b'))?.message.base, null);
  });

  // The page as VS Code runs it: shown, hidden (messages then fail), made again when shown,
  // patches refused when they do not fit. Whatever happens, it ends showing the last render.
  it('leaves the page showing the newest render, whatever the order of events', () => {
    const keys = fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'chart', 'd'), { maxLength: 5 });
    const event = fc.oneof(
      keys.map((k) => ({ kind: 'render', keys: k }) as const),
      fc.constantFrom(
        { kind: 'deliver' } as const,
        { kind: 'hide' } as const,
        { kind: 'show' } as const,
      ),
    );
    fc.assert(
      fc.property(fc.array(event, { maxLength: 30 }), (events) => {
        const sync = new PageSync();
        sync.loading();
        let latest: PageContent | undefined;
        let page = modelPage();
        let patcher = new BlockPatcher(page.dom);
        let queue: BlocksMessage[] = [];
        let shown = false;
        let hidden = false;
        const post = (update: { message: BlocksMessage } | undefined) => {
          if (!update) return;
          if (hidden) sync.undelivered(update.message.seq);
          else queue.push(update.message);
        };
        const show = () => {
          page = modelPage();
          patcher = new BlockPatcher(page.dom);
          queue = [];
          shown = true;
          hidden = false;
          post(sync.pageReady(latest));
        };
        const deliver = () => {
          const message = queue.shift();
          if (message && !patcher.apply(message)) post(sync.resync(latest));
        };
        for (const step of events) {
          if (step.kind === 'render') post(sync.rendered((latest = content(...step.keys))));
          else if (step.kind === 'deliver') deliver();
          else if (step.kind === 'hide' && shown) {
            hidden = true;
            queue = [];
          } else if (step.kind === 'show' && (hidden || !shown)) show();
        }
        if (hidden || !shown) show();
        while (queue.length > 0) deliver();
        const expected = latest?.blocks.map((block) => block.html).join('\n') ?? '';
        assert.equal(page.html(), expected);
      }),
    );
  });
});
