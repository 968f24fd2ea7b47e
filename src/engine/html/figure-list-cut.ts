import { FIGURES_ELEMENT_ID } from '../figures/embed.js';

/**
 * The figure list is a fifth of an export, JSON text the public gate must read like any
 * other text. Reading it as HTML costs a parse of every character; this cuts it out so the
 * gate's parse reads the rest of the document, and hands the text back as the template's
 * own text, but only where the parse itself proves that is what the HTML parser would read.
 *
 * The cut document is the same text with the list's text replaced by MARKER. Both
 * documents are `P + X + S`: the parser is in the same state after the prefix P in both.
 * MARKER is U+0080, which no character reference makes (`&#x80;` reads as `€`, and no
 * named reference gives a C1 control) and which the whole document must not hold, so a
 * text node holding it holds the marker's own character. If the cut document's parse has
 * an HTML `<template>` whose content is exactly the text MARKER, the tokenizer emitted
 * the marker in the data state (the only state whose characters go straight into a
 * template's content; in RCDATA, raw text, script data, PLAINTEXT or CDATA they go into
 * that element, and in a comment, tag or attribute they are no text at all), and the
 * tree builder put it into that template with nothing before it, so no formatting
 * element was reconstructed there and nothing was foster parented into the content. The
 * list's text has no `<`, `&`, NUL, CR or other character the input stream or the
 * tokenizer treats specially, so in the real document it is emitted character for
 * character in the data state too and lands in the same place, one text node equal to the
 * raw text: every insertion mode that puts a character straight into a template (in
 * body, through in template, and in table text, whose pending characters go to the
 * current template either way) treats whitespace and other characters alike but for the
 * frameset-ok flag, and the text holds a character that is not whitespace, as the marker
 * is not, so that flag ends the same. From the `</template>` on, both documents are
 * the same text read from the same state. Any doubt (the marker not found exactly there,
 * by the caller) means reading the whole document as it is.
 */
export const MARKER = '\u0080';

const START = `<template id="${FIGURES_ELEMENT_ID}">`;
const END = '</template>';

/**
 * Characters the input stream or the data state does not pass through as they are, and
 * anything odd enough not to bother with: `<` and `&`, NUL and the other controls but tab,
 * line feed and form feed, CR (made a line feed), noncharacters and lone surrogates.
 */
/* eslint-disable no-control-regex -- control characters are what it looks for */
const NOT_PLAIN =
  /[<&\0-\x08\x0B\x0D-\x1F\x7F-\x9F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/* eslint-enable no-control-regex */
const NOT_WHITESPACE = /[^\t\n\f\r ]/;

export interface FigureListCut {
  /** The document with the list's text replaced by MARKER. */
  readonly html: string;
  /** The list's raw text, which the parser would read as it is. */
  readonly text: string;
}

/**
 * The document with the figure list's text cut out, or undefined when there is no list of
 * plain text to cut (the document is then read whole).
 */
export function cutFigureList(html: string): FigureListCut | undefined {
  const start = html.indexOf(START);
  if (start < 0 || html.includes(MARKER)) return undefined;
  const from = start + START.length;
  const to = html.indexOf('<', from);
  if (to < 0 || !html.startsWith(END, to)) return undefined;
  const text = html.slice(from, to);
  if (NOT_PLAIN.test(text) || !NOT_WHITESPACE.test(text)) return undefined;
  return { html: html.slice(0, from) + MARKER + html.slice(to), text };
}
