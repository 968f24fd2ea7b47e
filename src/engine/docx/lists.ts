/** `<ul>` and `<ol>` -> Word list paragraphs (real numbering, so Word can renumber them). */
import type { Element, ElementContent } from 'hast';
import { Paragraph } from 'docx';
import { blocks, isBlockElement } from './blocks.js';
import type { Block, DocxContext } from './context.js';
import { elementChildren } from './hast-text.js';
import { inlineRuns, isBlank } from './inline.js';
import { BULLET_LIST, NUMBERED_LIST, listIndentTwips } from './styles.js';

/** Word lists go nine levels deep; deeper HTML lists stay at the last. */
const DEEPEST = 8;

export function listBlocks(list: Element, ctx: DocxContext, level: number): Block[] {
  const ordered = list.tagName === 'ol';
  const instance = ordered ? ctx.nextListInstance() : 0;
  const numbering = {
    reference: ordered ? NUMBERED_LIST : BULLET_LIST,
    level: Math.min(level, DEEPEST),
    ...(ordered ? { instance } : {}),
  };
  return elementChildren(list)
    .filter((item) => item.tagName === 'li')
    .flatMap((item) => itemBlocks(item, ctx, level, numbering));
}

function itemBlocks(
  item: Element,
  ctx: DocxContext,
  level: number,
  numbering: { reference: string; level: number; instance?: number },
): Block[] {
  const out: Block[] = [];
  let numbered = false;
  const indent = listIndentTwips(Math.min(level, DEEPEST));
  // The item's first paragraph carries the bullet or number; the rest line up under it.
  const push = (nodes: readonly ElementContent[]) => {
    if (isBlank(nodes)) return;
    out.push(
      new Paragraph({
        ...(numbered ? { indent: { left: indent } } : { numbering }),
        children: inlineRuns(nodes, ctx),
      }),
    );
    numbered = true;
  };
  let inline: ElementContent[] = [];
  for (const child of item.children) {
    if (!isBlockElement(child)) {
      inline.push(child);
      continue;
    }
    push(inline);
    inline = [];
    const element = child as Element;
    if (element.tagName === 'ul' || element.tagName === 'ol') {
      out.push(...listBlocks(element, ctx, level + 1));
    } else if (element.tagName === 'p') {
      push(element.children);
    } else {
      out.push(...blocks([element], ctx, { indentTwips: indent }));
    }
  }
  push(inline);
  return out;
}
