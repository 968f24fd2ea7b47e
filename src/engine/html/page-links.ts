import type { Element, Root, Text } from 'hast';
import { SKIP, walkType } from '../tree-walk.js';

/**
 * A public agenda pack carries no link out of itself: a web address is shown as text
 * beside the words that linked to it, so the reader still has it and the file asks for
 * nothing. Links within the page (`#...`: footnotes, contents) stay links.
 */
export function unlinkExternal(tree: Root): void {
  walkType<Element>(tree, 'element', (node) => {
    // Charts and sparklines are drawn from specs that make no links (the public gate
    // refuses any URL in them all the same): a chart's thousands of elements are not walked.
    if (node.tagName === 'svg') return SKIP;
    if (node.tagName !== 'a') return;
    const href = node.properties['href'];
    if (href === undefined || (typeof href === 'string' && href.startsWith('#'))) return;
    delete node.properties['href'];
    const url = String(href).trim();
    if (url !== '' && textOf(node).trim() !== url) {
      node.children.push({ type: 'text', value: ` (${url.replace(/^mailto:/i, '')})` });
    }
  });
}

function textOf(node: Element): string {
  let text = '';
  walkType<Text>(node, 'text', (child) => {
    text += child.value;
  });
  return text;
}

/**
 * The sanitizer prefixes every author id with `user-content-` (so no id can clobber the
 * page's own) but leaves links alone, so footnote links point one prefix short. A link
 * within the page is pointed at the id it meant.
 */
export function followPrefixedIds(tree: Root): void {
  const ids = new Set<string>();
  const links: Element[] = [];
  walkType<Element>(tree, 'element', (node) => {
    const id = node.properties['id'];
    if (typeof id === 'string') ids.add(id);
    const href = node.properties['href'];
    if (node.tagName === 'a' && typeof href === 'string' && href.startsWith('#')) links.push(node);
  });
  for (const link of links) {
    const target = String(link.properties['href']).slice(1);
    if (!ids.has(target) && ids.has(`user-content-${target}`)) {
      link.properties['href'] = `#user-content-${target}`;
    }
  }
}
