import { foreignContent } from 'parse5';
import { NAMED_REFERENCES } from './named-references.js';

type TagToken = Parameters<typeof foreignContent.adjustTokenSVGAttrs>[0];

/**
 * A quick reading of a finished document for the public gate, in the order parse5 would
 * build it, for the documents the renderer writes. parse5 reads every character through
 * its tokenizer's state machine and builds a tree of the whole page: for an export with a
 * hundred charts, three tenths of a second. This reads the same markup with a few regular
 * expressions and a stack, and gives up (returns false, and the caller reads the document
 * with parse5) on anything outside a narrow, well-formed subset, where its reading is the
 * parser's:
 *
 * - no comment, CDATA, processing instruction, CR, NUL or stray `<`; the document starts
 *   `<!doctype html>` (no quirks mode) and is `<html>`, `<head>` and `<body>`, each with its
 *   end tag, with only whitespace between them and after;
 * - tags are `<name attr="value" …>` with quoted values, no attribute twice; every end tag
 *   closes the element opened last (strict nesting), and a non-void HTML element is never
 *   written self-closing;
 * - character references are numeric or `&amp;` `&lt;` `&gt;` `&quot;` `&apos;` `&nbsp;`,
 *   with their semicolon;
 * - only known elements: the head holds `meta`, `title` and `style`; a `title` holds text
 *   only, a `style` no `</` before its end tag, a `template` text only; SVG holds only the
 *   chart elements, and its `desc` and `title` text only;
 * - nothing the tree builder would close, move or drop behind the markup's back: no
 *   element that closes an open `<p>`, a heading in a heading, a list item in a list item,
 *   a link in a link; table parts only where they belong, and no text but whitespace
 *   between them.
 *
 * Within that subset the tree parse5 builds is the markup's own nesting, but for elements
 * it adds with no attributes (`tbody`) and for whitespace it may drop or move: every
 * element, attribute and text reaches the gate's checks in document order, with the
 * parent a `style` or `template` really has. A document the renderer writes stays inside
 * it; a differential test (test/html/gate-scan.test.ts) holds the two readings equal on
 * real exports and on random edits of them.
 */

export interface ScannedAttribute {
  /** `xlink` for `xlink:href` on an SVG element, as parse5 splits it. */
  readonly prefix?: string | undefined;
  readonly name: string;
  readonly value: string;
}

export interface ScannedElement {
  readonly svg: boolean;
  /** The tag name as parse5 gives it (lower case; SVG names in their own case). */
  readonly tagName: string;
  readonly attributes: readonly ScannedAttribute[];
  /** The parent's tag name; undefined for `<html>`. */
  readonly parent: string | undefined;
  /** A `style` sheet's or a `template`'s text (undefined for any other element). */
  readonly inside: string | undefined;
  /** The same object for every element alike (the same start tag in the same namespace). */
  readonly key: object;
}

/** What the reading is given, in document order. */
export interface ScanSink {
  text(value: string): void;
  element(element: ScannedElement): void;
}

interface Open {
  readonly name: string;
  readonly svg: boolean;
  /** `</name>` as written for it. */
  readonly endTag: string;
}

/** Elements with no end tag. */
const VOID = new Set(['br', 'hr', 'img', 'input', 'meta', 'col']);
/** HTML elements read as they are (the body's ordinary content). */
const FLOW = new Set(
  (
    'main header footer aside section figure figcaption nav a b blockquote code dd del ' +
    'details div dl dt em h1 h2 h3 h4 h5 h6 i ins kbd li ol p pre q s samp span strike ' +
    'strong sub summary sup tt ul var abbr br hr img input meta'
  ).split(' '),
);
/** Start tags that close an open `<p>` (in button scope). */
const CLOSES_P = new Set(
  (
    'address article aside blockquote center details dialog dir div dl fieldset figcaption ' +
    'figure footer header hgroup main menu nav ol p search section summary ul h1 h2 h3 h4 ' +
    'h5 h6 pre listing form plaintext table hr xmp li dd dt'
  ).split(' '),
);
const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Where the tree builder's searches for an open element stop (a scope's boundaries). */
const SCOPE_ENDS = new Set(['html', 'table', 'td', 'th', 'caption', 'template']);
/** Table parts, each with the element it must be opened in. */
const TABLE_PARENTS: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['caption', new Set(['table'])],
  ['colgroup', new Set(['table'])],
  ['thead', new Set(['table'])],
  ['tbody', new Set(['table'])],
  ['tfoot', new Set(['table'])],
  ['tr', new Set(['table', 'thead', 'tbody', 'tfoot'])],
  ['td', new Set(['tr'])],
  ['th', new Set(['tr'])],
  ['col', new Set(['colgroup'])],
]);
/** Elements whose text the tree builder would move out (foster parenting). */
const TABLE_CONTEXTS = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'colgroup']);
/** SVG elements a chart is drawn with (tag names as the tokenizer lowers them). */
const SVG_ELEMENTS = new Set(
  'svg g path rect line circle ellipse polyline polygon text tspan defs clippath desc title'.split(
    ' ',
  ),
);
/** SVG elements whose content is read as HTML (integration points): text only here. */
const SVG_TEXT_ONLY = new Set(['desc', 'title']);

const WHITESPACE_ONLY = /^[\t\n\f ]*$/;
const DOCTYPE = /<!doctype html>/iy;
const START_NAME = /([a-zA-Z][a-zA-Z0-9]*)(?=[\t\n\f />])/y;
const ATTRIBUTE =
  /[\t\n\f ]+([a-zA-Z_:][-a-zA-Z0-9_:.]*)(?:[\t\n\f ]*=[\t\n\f ]*(?:"([^"]*)"|'([^']*)'))?/y;
const TAG_CLOSE = /[\t\n\f ]*(\/?)>/y;
const END_TAG = /<\/([a-zA-Z][a-zA-Z0-9]*)>/y;
/** A whole start tag, for `readTag` to read: `<`, a name, attributes with quoted values, `>`. */
const WHOLE_TAG =
  /<[a-zA-Z][a-zA-Z0-9]*(?:[\t\n\f ]+[^\t\n\f />"'=<]+(?:[\t\n\f ]*=[\t\n\f ]*(?:"[^"]*"|'[^']*'))?)*[\t\n\f ]*\/?>/y;
const REFERENCE = /&(?:#([0-9]{1,8});|#[xX]([0-9a-fA-F]{1,8});|(amp|lt|gt|quot|apos|nbsp);)/y;

/** Thrown where the document leaves the subset; caught by `scanDocument`. */
class OutsideSubset extends Error {}

function outside(): never {
  throw new OutsideSubset();
}

/**
 * Feeds `sink` the document's elements and text as parse5 would build them; false when the
 * document is outside the subset (the sink has then been fed part of it, to be discarded).
 */
export function scanDocument(html: string, sink: ScanSink): boolean {
  if (html.includes('\r') || html.includes('\0')) return false;
  try {
    new Scanner(html, sink).run();
    return true;
  } catch (error) {
    if (error instanceof OutsideSubset) return false;
    throw error;
  }
}

class Scanner {
  private position = 0;
  private readonly stack: Open[] = [];
  /** Start tags read so far in each namespace, keyed by the tag as written. */
  private readonly htmlTags = new Map<string, Tag>();
  private readonly svgTags = new Map<string, Tag>();
  /** How far the page's frame has got: html, head, after head, body, after body, done. */
  private stage: 'start' | 'html' | 'head' | 'afterHead' | 'body' | 'afterBody' | 'done' = 'start';

  constructor(
    private readonly html: string,
    private readonly sink: ScanSink,
  ) {}

  run(): void {
    DOCTYPE.lastIndex = 0;
    if (!DOCTYPE.test(this.html)) outside();
    this.position = DOCTYPE.lastIndex;
    const html = this.html;
    while (this.position < html.length) {
      const code = html.charCodeAt(this.position);
      if (code !== 0x3c /* < */) this.text();
      else if (html.charCodeAt(this.position + 1) === 0x2f /* / */) this.endTag();
      else this.startTag();
    }
    if (this.stage !== 'done') outside();
  }

  private get current(): Open | undefined {
    return this.stack[this.stack.length - 1];
  }

  /** Text up to the next tag, its references decoded. */
  private text(): void {
    const html = this.html;
    let end = html.indexOf('<', this.position);
    if (end < 0) end = html.length;
    const value = decodeAll(html.slice(this.position, end));
    this.position = end;
    // Text where the tree builder keeps it: in the body, but not between table parts.
    // Elsewhere (between the page's parts, between table parts) only whitespace, which it
    // drops or moves and the checks need not see.
    const current = this.current;
    if (this.stage === 'body' && current && !TABLE_CONTEXTS.has(current.name)) {
      this.sink.text(value);
    } else if (!WHITESPACE_ONLY.test(value)) outside();
  }

  private endTag(): void {
    const current = this.current;
    if (current && this.html.startsWith(current.endTag, this.position)) {
      this.position += current.endTag.length;
    } else {
      END_TAG.lastIndex = this.position;
      const match = END_TAG.exec(this.html) ?? outside();
      this.position = END_TAG.lastIndex;
      if (!current || current.name.toLowerCase() !== match[1]!.toLowerCase()) outside();
    }
    this.stack.pop();
    const name = current.name;
    if (name === 'head' && this.stage === 'head') this.stage = 'afterHead';
    else if (name === 'body' && this.stage === 'body') this.stage = 'afterBody';
    else if (name === 'html' && this.stage === 'afterBody') this.stage = 'done';
    else if (!current.svg && (name === 'head' || name === 'body' || name === 'html')) outside();
  }

  private startTag(): void {
    WHOLE_TAG.lastIndex = this.position;
    const raw = WHOLE_TAG.exec(this.html)?.[0] ?? outside();
    this.position = WHOLE_TAG.lastIndex;
    const parent = this.current;
    const svg = parent?.svg === true || startsSvg(raw);
    // A chart repeats its few tags hundreds of times: each is read once per namespace.
    const tags = svg ? this.svgTags : this.htmlTags;
    let tag = tags.get(raw);
    if (!tag) {
      tag = readTag(raw, svg);
      tags.set(raw, tag);
    }
    const { lowered, tagName, selfClosing } = tag;
    if (svg) this.placeSvg(lowered, parent);
    else this.placeHtml(lowered, parent, selfClosing);
    const inside = !svg && TEXT_ELEMENTS.has(lowered) ? this.textInside(lowered) : undefined;
    this.sink.element({
      svg,
      tagName,
      attributes: tag.attributes,
      parent: parent?.name,
      inside: lowered === 'title' ? undefined : inside,
      key: tag,
    });
    // A title's and a style sheet's text are text in the tree too (a template's is not).
    if (inside && lowered !== 'template') this.sink.text(inside);
    if (inside === undefined && !(svg ? selfClosing : VOID.has(lowered)))
      this.stack.push({ name: tagName, svg, endTag: tag.endTag });
  }

  /** An SVG element's place: only chart elements, nothing inside a desc or title. */
  private placeSvg(name: string, parent: Open | undefined): void {
    if (this.stage !== 'body' || !parent || !SVG_ELEMENTS.has(name)) outside();
    if (parent.svg && SVG_TEXT_ONLY.has(parent.name)) outside();
    if (!parent.svg) this.placeHtml(name, parent, false);
  }

  /** An HTML element's place: the page's frame, then the rules the tree builder keeps. */
  private placeHtml(name: string, parent: Open | undefined, selfClosing: boolean): void {
    if (selfClosing && !VOID.has(name)) outside();
    if (name === 'html' || name === 'head' || name === 'body') {
      const next = { html: 'start', head: 'html', body: 'afterHead' } as const;
      if (this.stage !== next[name]) outside();
      this.stage = name;
      return;
    }
    if (this.stage === 'head') {
      if (!(name === 'meta' || name === 'title' || name === 'style')) outside();
      return;
    }
    if (this.stage !== 'body' || !parent) outside();
    const tableParents = TABLE_PARENTS.get(name);
    if (tableParents) {
      if (!tableParents.has(parent.name)) outside();
      return;
    }
    if (TABLE_CONTEXTS.has(parent.name)) outside();
    if (name !== 'svg' && name !== 'table' && !FLOW.has(name) && !TEXT_ELEMENTS.has(name))
      outside();
    if (CLOSES_P.has(name) && this.openWithin('p', SCOPE_ENDS)) outside();
    if (HEADINGS.has(name) && HEADINGS.has(parent.name)) outside();
    if (name === 'li' && this.openWithin('li', LIST_ENDS)) outside();
    if (
      (name === 'dd' || name === 'dt') &&
      (this.openWithin('dd', DL_ENDS) || this.openWithin('dt', DL_ENDS))
    )
      outside();
    if (name === 'a' && this.stack.some((open) => open.name === 'a')) outside();
  }

  /** Whether `name` is open above the nearest of `ends` (searching from the current node). */
  private openWithin(name: string, ends: ReadonlySet<string>): boolean {
    for (let index = this.stack.length - 1; index >= 0; index--) {
      const open = this.stack[index]!;
      if (open.name === name && !open.svg) return true;
      if (ends.has(open.name)) return false;
    }
    return false;
  }

  /**
   * The text of a `style` (raw: no `</` before its end tag), `title` or `template` (no
   * markup: no `<` before the end tag, references decoded), up to and past its end tag.
   */
  private textInside(name: string): string {
    const html = this.html;
    const end = html.indexOf('<', this.position);
    const closing = `</${name}>`;
    if (end < 0) outside();
    if (name === 'style') {
      const slash = html.indexOf('</', this.position);
      if (slash < 0 || !html.startsWith(closing, slash)) outside();
      const css = html.slice(this.position, slash);
      this.position = slash + closing.length;
      return css;
    }
    if (!html.startsWith(closing, end)) outside();
    const text = decodeAll(html.slice(this.position, end));
    this.position = end + closing.length;
    return text;
  }
}

/** A start tag as parse5 reads it: `raw` is the whole tag, `<` to `>`. */
function readTag(raw: string, svg: boolean): Tag {
  START_NAME.lastIndex = 1;
  const lowered = (START_NAME.exec(raw) ?? outside())[1]!.toLowerCase();
  let position = START_NAME.lastIndex;
  const attrs: Array<{ name: string; value: string; prefix?: string }> = [];
  for (;;) {
    ATTRIBUTE.lastIndex = position;
    const match = ATTRIBUTE.exec(raw);
    if (!match) break;
    position = ATTRIBUTE.lastIndex;
    const name = match[1]!.toLowerCase();
    if (attrs.some((attribute) => attribute.name === name)) outside();
    attrs.push({ name, value: decodeAll(match[2] ?? match[3] ?? '') });
  }
  TAG_CLOSE.lastIndex = position;
  const close = TAG_CLOSE.exec(raw);
  if (!close || TAG_CLOSE.lastIndex !== raw.length) outside();
  const token = { tagName: lowered, attrs };
  if (svg) {
    // parse5's own adjustments: `clipPath`, `viewBox`, `xlink:href` as prefix and name.
    const tagToken = token as unknown as TagToken;
    foreignContent.adjustTokenSVGTagName(tagToken);
    foreignContent.adjustTokenSVGAttrs(tagToken);
    foreignContent.adjustTokenXMLAttrs(tagToken);
  }
  return {
    lowered,
    tagName: token.tagName,
    attributes: attrs,
    selfClosing: close[1] === '/',
    endTag: `</${token.tagName}>`,
  };
}

interface Tag {
  /** The name as the tokenizer lowers it. */
  readonly lowered: string;
  /** The element's tag name (SVG names adjusted). */
  readonly tagName: string;
  readonly attributes: readonly ScannedAttribute[];
  readonly selfClosing: boolean;
  /** Its end tag as written for it. */
  readonly endTag: string;
}

/** Whether a start tag is `<svg` (any case) and nothing more of a name. */
function startsSvg(raw: string): boolean {
  return (
    raw.length > 4 &&
    (raw.charCodeAt(1) | 0x20) === 0x73 &&
    (raw.charCodeAt(2) | 0x20) === 0x76 &&
    (raw.charCodeAt(3) | 0x20) === 0x67 &&
    /[\t\n\f />]/.test(raw[4]!)
  );
}

/** HTML elements whose content is read here whole (`textInside`). */
const TEXT_ELEMENTS = new Set(['style', 'title', 'template']);
const LIST_ENDS = new Set([...SCOPE_ENDS, 'ul', 'ol']);
const DL_ENDS = new Set([...SCOPE_ENDS, 'dl']);

/** Text with its references decoded (outside the subset on any other reference). */
function decodeAll(text: string): string {
  if (!text.includes('&')) return text;
  let value = '';
  let position = 0;
  while (position < text.length) {
    const amp = text.indexOf('&', position);
    if (amp < 0) return value + text.slice(position);
    value += text.slice(position, amp);
    const [decoded, end] = reference(text, amp);
    value += decoded;
    position = end;
  }
  return value;
}

/**
 * The character reference at `at` (an `&`) and where it ends. An `&` that starts no
 * reference (before a space or punctuation) is itself; one before a letter, digit or `#`
 * must be one of the references the subset knows.
 */
function reference(text: string, at: number): [string, number] {
  const next = text.charCodeAt(at + 1);
  const couldStart =
    next === 0x23 /* # */ ||
    (next >= 0x30 && next <= 0x39) ||
    (next >= 0x41 && next <= 0x5a) ||
    (next >= 0x61 && next <= 0x7a);
  if (!couldStart) return ['&', at + 1];
  REFERENCE.lastIndex = at;
  const match = REFERENCE.exec(text) ?? outside();
  const end = REFERENCE.lastIndex;
  if (match[3] !== undefined) return [NAMED_REFERENCES[match[3]]!, end];
  const code = match[1] !== undefined ? Number(match[1]) : Number.parseInt(match[2]!, 16);
  return [String.fromCodePoint(plainCodePoint(code)), end];
}

/**
 * A numeric reference's code point where the parser reads it as it is; outside the subset
 * where it would change it (NUL, C1 controls, surrogates, beyond Unicode) or it is a
 * control but tab, line feed and form feed.
 */
function plainCodePoint(code: number): number {
  const plain =
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0c ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 && code <= 0x10ffff);
  return plain ? code : outside();
}
