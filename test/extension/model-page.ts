// The preview page without a DOM, for the tests of the block patch and the page's sync.
import assert from 'node:assert/strict';
import type { PatchDom } from '../../src/extension/logic/block-patcher.js';

/** A node of the model page: the HTML it was parsed from, its lines shifted in place. */
export interface FakeNode {
  html: string;
  readonly id: number;
}

/** A page without a DOM: the content is an array; every operation is checked and counted. */
export function modelPage() {
  let ids = 0;
  const content: FakeNode[] = [];
  const counts = { parsed: 0, moved: 0, removed: 0, shifted: 0 };
  const dom: PatchDom<FakeNode> = {
    parse(html) {
      counts.parsed++;
      return html === '' ? [] : [{ html, id: ++ids }];
    },
    children: () => content,
    insertBefore(node, reference) {
      const at = content.indexOf(node);
      if (at >= 0) {
        content.splice(at, 1);
        counts.moved++;
      }
      const to = reference === null ? content.length : content.indexOf(reference);
      assert.ok(to >= 0, 'the reference node is not in the content');
      content.splice(to, 0, node);
    },
    remove(node) {
      const at = content.indexOf(node);
      assert.ok(at >= 0, 'removed a node that is not in the content');
      content.splice(at, 1);
      counts.removed++;
    },
    nextSibling: (node) => content[content.indexOf(node) + 1] ?? null,
    shiftLines(node, delta) {
      counts.shifted++;
      node.html = node.html.replace(
        / data-line="(\d+)"/g,
        (_, line: string) => ` data-line="${Number(line) + delta}"`,
      );
    },
  };
  return { dom, content, counts, html: () => content.map((node) => node.html).join('\n') };
}
