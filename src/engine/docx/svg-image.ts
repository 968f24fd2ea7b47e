/**
 * An inline SVG of the HTML (a chart, a sparkline) -> a Word picture: the same SVG, with a
 * print-resolution PNG for readers that cannot draw SVG, and alternative text.
 */
import type { Element } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { ImageRun } from 'docx';
import type { DocxContext } from './context.js';
import { collapse, findElement, stringProperty, textOf } from './hast-text.js';

const SVG_NS = 'http://www.w3.org/2000/svg';

/** The picture, or undefined for an SVG with no size (nothing a reader could see). */
export function svgImageRun(
  svg: Element,
  ctx: DocxContext,
  description: string = svgDescription(svg),
): ImageRun | undefined {
  const size = svgSize(svg);
  if (!size) return undefined;
  const width = Math.min(size.width, ctx.textWidthPx);
  const height = Math.round((size.height * width) / size.width);
  const source = svgSource(svg);
  const title = findElement(svg, ['title']);
  return new ImageRun({
    type: 'svg',
    data: new TextEncoder().encode(source),
    fallback: { type: 'png', data: ctx.rasterise(source, width) },
    transformation: { width, height },
    altText: {
      id: ctx.nextDrawingId(),
      name: 'Chart',
      description,
      ...(title ? { title: textOf(title) } : {}),
    },
  });
}

/** What the SVG says it shows: its label, or its title and description. */
export function svgDescription(svg: Element): string {
  const label = stringProperty(svg, 'ariaLabel');
  if (label) return collapse(label);
  return [findElement(svg, ['title']), findElement(svg, ['desc'])]
    .map((node) => (node ? textOf(node) : ''))
    .filter(Boolean)
    .join('. ');
}

/** A standalone SVG file of the element (an HTML-embedded SVG has no namespace of its own). */
function svgSource(svg: Element): string {
  const standalone: Element = { ...svg, properties: { ...svg.properties, xmlns: SVG_NS } };
  return toHtml(standalone, { space: 'svg', closeEmptyElements: true });
}

function svgSize(svg: Element): { width: number; height: number } | undefined {
  const viewBox = stringProperty(svg, 'viewBox')
    ?.trim()
    .split(/[\s,]+/)
    .map(Number);
  const width = Number(stringProperty(svg, 'width') ?? viewBox?.[2]);
  const height = Number(stringProperty(svg, 'height') ?? viewBox?.[3]);
  return width > 0 && height > 0 && Number.isFinite(width) && Number.isFinite(height)
    ? { width, height }
    : undefined;
}
