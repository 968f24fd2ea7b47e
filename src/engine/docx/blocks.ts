/**
 * Block-level HTML -> Word paragraphs and tables, by what each element is: headings,
 * paragraphs, lists, quotes, definition lists, code, and the report's own constructs
 * (tables, indicator cards, charts), each handed to its own converter. Containers
 * (section, div, main...) that are none of these are walked through.
 */
import type { Element, ElementContent } from 'hast';
import { AlignmentType, BorderStyle, HeadingLevel, Paragraph, TextRun } from 'docx';
import { cardBlocks, isCard } from './cards.js';
import { chartBlocks, isChart } from './charts.js';
import type { Block, DocxContext } from './context.js';
import { elementChildren, isHeading, isHidden } from './hast-text.js';
import { inlineRuns, isBlank, textRun } from './inline.js';
import { listBlocks } from './lists.js';
import { tableBlocks } from './tables.js';

/** Paragraph options a container passes down (a quote's style, a list item's indent). */
export interface BlockOptions {
  readonly style?: string;
  readonly indentTwips?: number;
}

const HEADINGS = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
] as const;

/** Tags whose content is laid out inline (runs in a paragraph), not as blocks. */
const BLOCK_TAGS = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'details',
  'div',
  'dl',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'ul',
]);

const SKIPPED = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'head',
  'title',
  'meta',
  'link',
]);

export function isBlockElement(node: ElementContent): boolean {
  return node.type === 'element' && (BLOCK_TAGS.has(node.tagName) || node.tagName === 'svg');
}

/** The Word blocks of a sequence of HTML nodes; loose inline content becomes a paragraph. */
export function blocks(
  nodes: readonly ElementContent[],
  ctx: DocxContext,
  options: BlockOptions = {},
): Block[] {
  const out: Block[] = [];
  let inline: ElementContent[] = [];
  const flush = () => {
    if (!isBlank(inline)) out.push(paragraph(inline, ctx, options));
    inline = [];
  };
  for (const node of nodes) {
    if (node.type === 'element' && SKIPPED.has(node.tagName)) continue;
    if (node.type === 'element' && isHidden(node)) continue;
    if (!isBlockElement(node)) {
      inline.push(node);
      continue;
    }
    flush();
    out.push(...block(node as Element, ctx, options));
  }
  flush();
  return out;
}

function block(element: Element, ctx: DocxContext, options: BlockOptions): Block[] {
  if (isHeading(element)) return [heading(element, ctx)];
  switch (element.tagName) {
    case 'p':
      return isBlank(element.children) ? [] : [paragraph(element.children, ctx, options)];
    case 'ul':
    case 'ol':
      return listBlocks(element, ctx, 0);
    case 'table':
      return tableBlocks(element, ctx);
    case 'blockquote':
      return blocks(element.children, ctx, { ...options, style: 'Quote' });
    case 'dl':
      return definitionList(element, ctx, options);
    case 'pre':
      return preformatted(element);
    case 'hr':
      return [
        new Paragraph({
          border: { bottom: { style: BorderStyle.SINGLE, size: 6, color: 'B1B4B6', space: 1 } },
        }),
      ];
    case 'svg':
      return [
        new Paragraph({ alignment: AlignmentType.CENTER, children: inlineRuns([element], ctx) }),
      ];
    case 'figure':
      if (isChart(element)) return chartBlocks(element, ctx);
      return blocks(element.children, ctx, options);
    case 'figcaption':
      return [captionParagraph(element.children, ctx)];
    default:
      if (isCard(element)) return cardBlocks(element, ctx);
      return blocks(element.children, ctx, options);
  }
}

export function heading(element: Element, ctx: DocxContext): Paragraph {
  const level = Number(element.tagName.slice(1)) - 1;
  return new Paragraph({
    heading: HEADINGS[level] ?? HeadingLevel.HEADING_6,
    keepNext: true,
    children: inlineRuns(element.children, ctx),
  });
}

export function paragraph(
  nodes: readonly ElementContent[],
  ctx: DocxContext,
  options: BlockOptions = {},
): Paragraph {
  return new Paragraph({
    ...(options.style ? { style: options.style } : {}),
    ...(options.indentTwips ? { indent: { left: options.indentTwips } } : {}),
    children: inlineRuns(nodes, ctx),
  });
}

/** A table's or a chart's caption: kept with what it names. */
export function captionParagraph(nodes: readonly ElementContent[], ctx: DocxContext): Paragraph {
  return new Paragraph({ style: 'Caption', keepNext: true, children: inlineRuns(nodes, ctx) });
}

/** Each term with its details in one paragraph: `Term: details`. */
function definitionList(list: Element, ctx: DocxContext, options: BlockOptions): Block[] {
  return definitionPairs(list).map(
    ({ term, details }) =>
      new Paragraph({
        ...(options.style ? { style: options.style } : {}),
        ...(options.indentTwips ? { indent: { left: options.indentTwips } } : {}),
        children: [
          ...inlineRuns(term?.children ?? [], ctx, { bold: true }),
          ...(term && details.length > 0 ? [new TextRun(': ')] : []),
          ...details.flatMap((detail, index) => [
            ...(index > 0 ? [new TextRun('; ')] : []),
            ...inlineRuns(detail.children, ctx),
          ]),
        ],
      }),
  );
}

/** The term/details groups of a `<dl>`, looking through the `<div>` wrappers HTML allows. */
export function definitionPairs(list: Element): { term?: Element; details: Element[] }[] {
  const items = elementChildren(list).flatMap((child) =>
    child.tagName === 'div' ? elementChildren(child) : [child],
  );
  const pairs: { term?: Element; details: Element[] }[] = [];
  for (const item of items) {
    if (item.tagName === 'dt') pairs.push({ term: item, details: [] });
    else if (item.tagName === 'dd') {
      const last = pairs[pairs.length - 1];
      if (last) last.details.push(item);
      else pairs.push({ details: [item] });
    }
  }
  return pairs;
}

function preformatted(pre: Element): Paragraph[] {
  const raw = rawText(pre).replace(/\n$/, '');
  return raw
    .split('\n')
    .map((line) => new Paragraph({ style: 'Code', children: [textRun(line, { code: true })] }));
}

function rawText(node: ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element') return node.children.map(rawText).join('');
  return '';
}
