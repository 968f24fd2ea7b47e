/**
 * The Word export: the document the HTML export publishes, turned into an accessible
 * .docx. It reads the final HTML (after exempt removal and small-number suppression), so
 * the Word file shows exactly the figures and suppression of the HTML, by construction.
 */
import type { Element, ElementContent } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import {
  AlignmentType,
  Document,
  Footer,
  Header,
  Packer,
  PageNumber,
  Paragraph,
  TextRun,
} from 'docx';
import { blocks } from './blocks.js';
import type { Block, DocxContext } from './context.js';
import { elementChildren, findElement, stringProperty } from './hast-text.js';
import { loadRasteriser } from './rasterise.js';
import { LANGUAGE, NUMBERING, PAGE, STYLES, TEXT_WIDTH_PX, TEXT_WIDTH_TWIPS } from './styles.js';
import { documentFacts, titleBlock } from './title-block.js';

/**
 * The .docx bytes of an exported HTML document (`RenderResult.html`). Rejects only when
 * the chart renderer cannot load on this platform; a face says so and writes nothing.
 */
export async function buildDocx(html: string): Promise<Uint8Array> {
  const tree = fromHtml(html);
  const body = findElement(tree, ['body']);
  const facts = documentFacts(tree, body);
  let lists = 0;
  let drawings = 0;
  const ctx: DocxContext = {
    rasterise: await loadRasteriser(),
    textWidthPx: TEXT_WIDTH_PX,
    textWidthTwips: TEXT_WIDTH_TWIPS,
    nextListInstance: () => ++lists,
    nextDrawingId: () => String(++drawings),
  };
  const content: Block[] = [];
  for (const child of body?.children ?? []) {
    if (child.type === 'element' && child.tagName === 'header') {
      content.push(...titleBlock(child, ctx));
    } else if (!isSkipLink(child) && !isFigureList(child)) {
      content.push(...blocks([child], ctx));
    }
  }
  const document = new Document({
    title: facts.title,
    subject: facts.lines.join('; '),
    keywords: [facts.exempt ? 'exempt' : 'public', ...facts.lines].join('; '),
    description: facts.pageTitle,
    creator: facts.generator,
    lastModifiedBy: facts.generator,
    styles: STYLES,
    numbering: NUMBERING,
    sections: [
      {
        properties: { page: PAGE },
        headers: {
          default: new Header({
            children: [
              new Paragraph({
                style: 'RunningHeader',
                children: [new TextRun({ text: facts.pageTitle, language: { value: LANGUAGE } })],
              }),
            ],
          }),
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                style: 'RunningHeader',
                alignment: AlignmentType.CENTER,
                children: [
                  new TextRun({
                    children: ['Page ', PageNumber.CURRENT, ' of ', PageNumber.TOTAL_PAGES],
                    language: { value: LANGUAGE },
                  }),
                ],
              }),
            ],
          }),
        },
        children: content.length > 0 ? content : [new Paragraph({})],
      },
    ],
  });
  return new Uint8Array(await Packer.toArrayBuffer(document));
}

/** The "Skip to main content" link means nothing on paper or in Word's navigation pane. */
function isSkipLink(node: ElementContent): boolean {
  return (
    node.type === 'element' &&
    node.tagName === 'a' &&
    (stringProperty(node, 'href') ?? '').startsWith('#') &&
    elementChildren(node as Element).length === 0
  );
}

/** The figures an export carries for tools (src/engine/figures/embed.ts): not content. */
function isFigureList(node: ElementContent): boolean {
  return node.type === 'element' && node.tagName === 'template';
}
