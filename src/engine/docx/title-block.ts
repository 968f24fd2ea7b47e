/**
 * The document's header landmark (title, meeting, period, and in the exempt version the
 * exempt notice) -> the Word title block, the running header and the file's properties.
 */
import type { Element, Root } from 'hast';
import { Paragraph } from 'docx';
import { EXEMPT_NOTICE, GENERATOR_NAME } from '../html/document.js';
import { VERSION } from '../version.js';
import type { DocxContext } from './context.js';
import { elementChildren, findElement, isHeading, stringProperty, textOf } from './hast-text.js';
import { inlineRuns } from './inline.js';

export interface DocumentFacts {
  readonly title: string;
  /** The header's lines under the title: the meeting and the period. */
  readonly lines: readonly string[];
  readonly exempt: boolean;
  /** What the HTML names the document (`Title — Period`), the running header's text. */
  readonly pageTitle: string;
  /** `Scorecard Markdown 0.1.0`: the file's author, which marks it as ours (see docx-owner.ts). */
  readonly generator: string;
}

export function documentFacts(document: Root, body: Element | undefined): DocumentFacts {
  const header = body
    ? elementChildren(body).find((child) => child.tagName === 'header')
    : undefined;
  const titleElement = header && elementChildren(header).find(isHeading);
  const pageTitle = textOf(findElement(document, ['title']) ?? { type: 'root', children: [] });
  const title = titleElement ? textOf(titleElement) : pageTitle;
  const texts = header
    ? elementChildren(header)
        .filter((child) => child !== titleElement)
        .map((child) => textOf(child))
        .filter(Boolean)
    : [];
  const meta = findMeta(document, 'generator');
  return {
    title,
    lines: texts.filter((text) => text !== EXEMPT_NOTICE),
    exempt: texts.includes(EXEMPT_NOTICE),
    pageTitle: pageTitle || title,
    generator: meta?.startsWith(`${GENERATOR_NAME} `) ? meta : `${GENERATOR_NAME} ${VERSION}`,
  };
}

/** The title block: the title in Word's Title style, the meeting and period as subtitles. */
export function titleBlock(header: Element, ctx: DocxContext): Paragraph[] {
  return elementChildren(header).flatMap((child) => {
    const text = textOf(child);
    if (!text) return [];
    if (isHeading(child))
      return [new Paragraph({ style: 'Title', children: inlineRuns(child.children, ctx) })];
    if (text === EXEMPT_NOTICE)
      return [new Paragraph({ style: 'Notice', children: inlineRuns(child.children, ctx) })];
    return [new Paragraph({ style: 'Subtitle', children: inlineRuns(child.children, ctx) })];
  });
}

function findMeta(node: Root | Element, name: string): string | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (child.tagName === 'meta' && stringProperty(child, 'name') === name)
      return stringProperty(child, 'content');
    if (child.tagName === 'body') continue;
    const found = findMeta(child, name);
    if (found !== undefined) return found;
  }
  return undefined;
}
