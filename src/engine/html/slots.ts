import { randomUUID } from 'node:crypto';
import type { Element, ElementContent, Root as HastRoot, RootContent } from 'hast';
import type { Data as MdastData } from 'mdast';
import { SKIP, walkType } from '../tree-walk.js';
import { SLOT_TAG, isInlineImage } from './sanitize.js';

/** Builds generated content; `children` is the sanitized author content a container held. */
export type SlotBuilder = (children: ElementContent[]) => ElementContent[];

/**
 * Generated content waits in a table while author content is sanitized; a placeholder
 * `<sc-slot data-slot=KEY>` marks its place. Keys carry a per-render random prefix, so a
 * placeholder typed by an author can never pull generated content into the page.
 */
export class Slots {
  // 48 random bits; randomUUID draws from a pool where randomBytes asks the system each time.
  private readonly prefix = randomUUID().slice(0, 13).replace('-', '');
  private readonly builders = new Map<string, SlotBuilder>();

  /** Registers a builder and returns the mdast `data` that makes the placeholder. */
  add(builder: SlotBuilder): MdastData {
    const key = `${this.prefix}-${this.builders.size}`;
    this.builders.set(key, builder);
    return { hName: SLOT_TAG, hProperties: { dataSlot: key } };
  }

  /** Replaces every placeholder by its generated content, after sanitizing. */
  fill(tree: HastRoot): void {
    walkType<Element>(tree, 'element', (node, index, parent) => {
      // Charts and sparklines are drawn, not written: no slot or image is inside an SVG,
      // and a chart's thousands of elements need not be walked.
      if (node.tagName === 'svg') return SKIP;
      if (node.tagName === 'img' && !isInlineImage(node.properties['src'])) {
        delete node.properties['src'];
      }
      if (node.tagName !== SLOT_TAG || parent === undefined || index === undefined) return;
      const builder = this.builders.get(String(node.properties['dataSlot'] ?? ''));
      const built = builder ? builder(node.children) : [];
      const line = node.properties['dataLine'];
      const first = built[0];
      if (line !== undefined && first?.type === 'element') first.properties['dataLine'] = line;
      parent.children.splice(index, 1, ...(built as RootContent[] as ElementContent[]));
      // Visit what was put in (a card holds the commentary's own inline slots), not the
      // placeholder taken out: its children are in what was put in, and a slot among them
      // built in both would be built, and its figures recorded, twice.
      return [SKIP, index];
    });
  }
}
