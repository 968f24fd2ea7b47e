/**
 * Inline HTML (text, emphasis, links, the spans around figures) -> Word runs. The figures'
 * own words and shapes ("▼ Red: 13 pp below target") are text in the HTML, so they are
 * text here: nothing is re-derived, so nothing can differ from the published HTML.
 */
import type { Element, ElementContent } from 'hast';
import type { ImageRun } from 'docx';
import { TextRun, type ParagraphChild } from 'docx';
import type { DocxContext, RunFormat } from './context.js';
import { isHidden, stringProperty, textOf } from './hast-text.js';
import { dataImageRun } from './data-image.js';
import { svgImageRun } from './svg-image.js';

const MONOSPACE = 'Consolas';

type Piece =
  | { readonly kind: 'text'; text: string; readonly format: RunFormat }
  | { readonly kind: 'break' }
  | { readonly kind: 'image'; readonly run: ImageRun };

/** The runs of a paragraph's inline content, whitespace collapsed as a browser does. */
export function inlineRuns(
  nodes: readonly ElementContent[],
  ctx: DocxContext,
  format: RunFormat = {},
): ParagraphChild[] {
  const pieces: Piece[] = [];
  for (const node of nodes) collect(node, format, ctx, pieces);
  return toRuns(pieces);
}

/** True when a paragraph made of these nodes would show nothing. */
export function isBlank(nodes: readonly ElementContent[]): boolean {
  return nodes.every(
    (node) =>
      (node.type === 'text' && node.value.trim() === '') ||
      node.type === 'comment' ||
      (node.type === 'element' &&
        node.tagName !== 'svg' &&
        node.tagName !== 'img' &&
        textOf(node) === ''),
  );
}

function collect(node: ElementContent, format: RunFormat, ctx: DocxContext, out: Piece[]): void {
  if (node.type === 'text') {
    out.push({ kind: 'text', text: node.value, format });
    return;
  }
  if (node.type !== 'element' || isHidden(node)) return;
  const children = (childFormat: RunFormat) => {
    for (const child of node.children) collect(child, childFormat, ctx, out);
  };
  switch (node.tagName) {
    case 'br':
      out.push({ kind: 'break' });
      return;
    case 'strong':
    case 'b':
      return children({ ...format, bold: true });
    case 'em':
    case 'i':
    case 'cite':
    case 'dfn':
      return children({ ...format, italics: true });
    case 'code':
    case 'kbd':
    case 'samp':
      return children({ ...format, code: true });
    case 'del':
    case 's':
      return children({ ...format, strike: true });
    case 'ins':
    case 'u':
      return children({ ...format, underline: true });
    case 'sup':
      return children({ ...format, superScript: true });
    case 'sub':
      return children({ ...format, subScript: true });
    case 'a':
      children(format);
      return linkTarget(node, out, format);
    case 'img': {
      const run = dataImageRun(node, ctx);
      const alt = stringProperty(node, 'alt');
      if (run) out.push({ kind: 'image', run });
      else if (alt) out.push({ kind: 'text', text: `[${alt}]`, format });
      return;
    }
    case 'svg': {
      const run = svgImageRun(node, ctx);
      if (run) out.push({ kind: 'image', run });
      return;
    }
    default:
      return children(format);
  }
}

/**
 * A link keeps its text, and its address where the text does not say it: a pack is
 * printed as often as it is read on screen, and a reader of paper cannot follow a link.
 * Links within the document (#...) are dropped, as the Word file has no such anchors.
 */
function linkTarget(link: Element, out: Piece[], format: RunFormat): void {
  const href = stringProperty(link, 'href');
  if (!href || href.startsWith('#')) return;
  const address = href.replace(/^mailto:/i, '');
  if (textOf(link).includes(address)) return;
  out.push({ kind: 'text', text: ` (${address})`, format });
}

function toRuns(pieces: Piece[]): ParagraphChild[] {
  // Collapse whitespace across element boundaries, as HTML layout does.
  let lastEndsInSpace = true;
  for (const piece of pieces) {
    if (piece.kind === 'break') lastEndsInSpace = true;
    if (piece.kind !== 'text') continue;
    let text = piece.text.replace(/\s+/g, ' ');
    if (lastEndsInSpace) text = text.replace(/^ /, '');
    if (text !== '') lastEndsInSpace = text.endsWith(' ');
    piece.text = text;
  }
  for (let i = pieces.length - 1; i >= 0; i--) {
    const piece = pieces[i];
    if (piece?.kind !== 'text') break;
    piece.text = piece.text.replace(/ $/, '');
    if (piece.text !== '') break;
  }
  return pieces.flatMap((piece): ParagraphChild[] => {
    if (piece.kind === 'image') return [piece.run];
    if (piece.kind === 'break') return [new TextRun({ break: 1 })];
    if (piece.text === '') return [];
    return [textRun(piece.text, piece.format)];
  });
}

export function textRun(text: string, format: RunFormat = {}): TextRun {
  return new TextRun({
    text,
    ...(format.bold ? { bold: true } : {}),
    ...(format.italics ? { italics: true } : {}),
    ...(format.code ? { font: MONOSPACE } : {}),
    ...(format.strike ? { strike: true } : {}),
    ...(format.underline ? { underline: {} } : {}),
    ...(format.superScript ? { superScript: true } : {}),
    ...(format.subScript ? { subScript: true } : {}),
    ...(format.size ? { size: format.size } : {}),
  });
}
