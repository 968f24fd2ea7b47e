/**
 * A chart figure -> its caption lines, the chart as a picture whose alternative text is
 * the chart's generated description, the description itself, and its data table. A chart
 * is recognised by what it is (a figure holding an SVG), not by class.
 */
import type { Element } from 'hast';
import { AlignmentType, Paragraph } from 'docx';
import { blocks, captionParagraph } from './blocks.js';
import type { Block, DocxContext } from './context.js';
import { elementChildren, findAll, findElement, textOf } from './hast-text.js';
import { inlineRuns } from './inline.js';
import { svgDescription, svgImageRun } from './svg-image.js';

export function isChart(figure: Element): boolean {
  return figure.tagName === 'figure' && findElement(figure, ['svg']) !== undefined;
}

export function chartBlocks(figure: Element, ctx: DocxContext): Block[] {
  const description = chartDescription(figure);
  const out: Block[] = [];
  for (const child of figure.children) {
    if (child.type !== 'element') {
      out.push(...blocks([child], ctx));
      continue;
    }
    if (child.tagName === 'figcaption') out.push(...captionLines(child, ctx));
    else if (child.tagName === 'svg') {
      const run = svgImageRun(child, ctx, description || svgDescription(child));
      if (run)
        out.push(
          new Paragraph({ alignment: AlignmentType.CENTER, keepNext: true, children: [run] }),
        );
    } else out.push(...blocks([child], ctx));
  }
  return out;
}

/**
 * The chart's description in words: the figure's own paragraphs (outside its caption and
 * its table), which the HTML shows under the chart.
 */
function chartDescription(figure: Element): string {
  return findAll(figure, ['p', 'figcaption', 'table', 'svg'])
    .filter((element) => element.tagName === 'p')
    .map((paragraph) => textOf(paragraph))
    .filter(Boolean)
    .join(' ');
}

/** The headline as the caption, and each further caption line (the subtitle) under it. */
function captionLines(caption: Element, ctx: DocxContext): Paragraph[] {
  const parts = elementChildren(caption);
  const onlyElements = caption.children.every(
    (child) => child.type === 'element' || (child.type === 'text' && child.value.trim() === ''),
  );
  if (!onlyElements || parts.length < 2) return [captionParagraph(caption.children, ctx)];
  const [headline, ...rest] = parts;
  return [
    captionParagraph(headline ? [headline] : [], ctx),
    ...rest.map(
      (part) =>
        new Paragraph({
          style: 'ChartSubtitle',
          keepNext: true,
          children: inlineRuns([part], ctx),
        }),
    ),
  ];
}
