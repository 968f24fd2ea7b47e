import type { Element, Nodes, Parents } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { h, s } from 'hastscript';
import { parse, type DefaultTreeAdapterMap } from 'parse5';
import { RULES, createMessage } from '../messages.js';
import { walk } from '../tree-walk.js';
import type { Message } from '../types.js';
import { FIGURES_ELEMENT_ID, templateText } from '../figures/embed.js';
import { MARKER, cutFigureList } from './figure-list-cut.js';
import { scanDocument, type ScannedElement } from './gate-scan.js';

/**
 * The last gate on a public export, independent of the pipeline that built it: the
 * finished document is parsed again and checked for what must never be in it. Whatever
 * the renderer got wrong, a document that fails here is not written.
 *
 * - no text of an exempt region (found by the line scan, not the parser);
 * - no attribute that reveals removed content (`data-line` is not in public exports at all);
 * - no URL but `data:` in any attribute, nor in CSS (`#fragment` links within the page pass);
 * - no element outside an allow-list of what the document is made of; the one exception is
 *   the figure list an export carries (`<template id="scorecard-figures">`, text only, once,
 *   in the body), whose text is checked for exempt text like everything shown.
 */

/** What a document is made of: the sanitized author elements, the page, cards and charts. */
const ALLOWED_ELEMENTS = new Set([
  // the page
  'html',
  'head',
  'body',
  'meta',
  'title',
  'style',
  'main',
  'header',
  'footer',
  'aside',
  'section',
  'figure',
  'figcaption',
  'nav',
  // sanitized author content (GitHub's list)
  'a',
  'b',
  'blockquote',
  'br',
  'code',
  'dd',
  'del',
  'details',
  'div',
  'dl',
  'dt',
  'em',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'hr',
  'i',
  'img',
  'input',
  'ins',
  'kbd',
  'li',
  'ol',
  'p',
  'pre',
  'q',
  'rp',
  'rt',
  'ruby',
  's',
  'samp',
  'span',
  'strike',
  'strong',
  'sub',
  'summary',
  'sup',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'tt',
  'ul',
  'var',
  'caption',
  'abbr',
  'colgroup',
  'col',
  // charts and sparklines (inline SVG)
  'svg',
  'g',
  'path',
  'rect',
  'line',
  'circle',
  'ellipse',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'desc',
  'defs',
  'clipPath',
  'clippath',
]);

/** Attributes whose value is a URL (hast property names). */
const URL_PROPERTIES = new Set([
  'href',
  'src',
  'srcSet',
  'xLinkHref',
  'poster',
  'action',
  'formAction',
  'data',
  'background',
  'cite',
  'longDesc',
  'ping',
  'manifest',
  'icon',
  'codeBase',
  'archive',
  'lowsrc',
  'dynsrc',
  'profile',
  'itemType',
  'itemId',
  'useMap',
  'imageSrcSet',
  'xmlBase',
]);

/** Attributes whose values are not text a reader sees (geometry, styling). */
const NOT_TEXT = new Set(['style', 'd', 'transform', 'points', 'viewBox', 'className']);

const INLINE_IMAGE = /^data:image\/(png|gif|jpeg|webp);base64,[A-Za-z0-9+/=\s]+$/i;
/** CSS that reaches outside the document. */
const CSS_URL = /url\(\s*(['"]?)\s*([^'")\s]*)/gi;
const CSS_FETCH = /@import|image-set\(|expression\(|-moz-binding|behavior\s*:/i;

/** At most this many findings are listed; one is enough to refuse. */
const MAX_FINDINGS = 20;

export interface ExemptText {
  /** 1-based report line where the region's text starts. */
  readonly line: number;
  readonly text: string;
}

export interface GateInput {
  readonly html: string;
  readonly file: string;
  /** The text of every exempt region, from the line scan. */
  readonly exempt: readonly ExemptText[];
  /** The report text outside the exempt regions: text also written there may be shown. */
  readonly publicSource: string;
}

/** Everything wrong with a public document, as `public-gate` errors (empty when it may go out). */
export function publicGateProblems(input: GateInput): Message[] {
  // A quick reading first with the same checks (the gate's own scan of the markup, or
  // parse5 alone where the scan gives up; no positions kept, no syntax tree built around
  // it): only a document it finds something in is read again with positions, to say where.
  // Neither reading lets anything through the other would stop.
  return quickFinding(input) ? thoroughGateProblems(input) : [];
}

/** The gate read with hast-util-from-html, positions kept: what every refusal says. */
export function thoroughGateProblems(input: GateInput): Message[] {
  const tree = fromHtml(input.html);
  const checks = new Checks();
  walk<Nodes, Parents>(tree, (node, _index, parent) => {
    if (node.type === 'text') checks.text(node.value);
    else if (node.type === 'element') {
      checks.element(node, parent?.type === 'element' ? parent.tagName : undefined);
    }
  });
  return checks.findings(input).map((finding) =>
    createMessage(RULES.publicGate, `The public export was refused: ${finding.reason}`, {
      file: input.file,
      line: finding.line,
      column: 1,
    }),
  );
}

/**
 * The gate's checks over parse5's own tree. Elements are given their properties by
 * hastscript, as hast-util-from-parse5 gives them, so both readings check the same values.
 */
export function quickFinding(input: GateInput): boolean {
  return quickFindings(input).length > 0;
}

/** What the quick reading finds (reasons without positions), reading as little as it may. */
export function quickFindings(input: GateInput): readonly string[] {
  return scannedFindings(input) ?? cutReadingFindings(input) ?? wholeQuickFindings(input);
}

/**
 * What the scan finds (gate-scan.ts: the document read without parse5), or undefined when
 * the document is outside the subset the scan reads as parse5 does.
 */
export function scannedFindings(input: GateInput): readonly string[] | undefined {
  const reading = new QuickReading(undefined);
  const read = scanDocument(input.html, {
    text: (value) => reading.text(value),
    element: (element) => {
      reading.element(element, () => (element.inside ? [element.inside] : []), false);
    },
  });
  return read ? reasons(reading.checks, input) : undefined;
}

/** What the quick reading finds when it parses the whole document as it is. */
export function wholeQuickFindings(input: GateInput): readonly string[] {
  return reasons(readQuickly(input.html)!, input);
}

/**
 * What the quick reading finds in the document with its figure list cut out (see
 * figure-list-cut.ts), or undefined when that reading cannot be proved the same.
 */
export function cutReadingFindings(input: GateInput): readonly string[] | undefined {
  const cut = cutFigureList(input.html);
  const checks = cut && readQuickly(cut.html, cut.text);
  return checks && reasons(checks, input);
}

function reasons(checks: Checks, input: GateInput): string[] {
  return checks.findings(input).map((finding) => finding.reason);
}

/**
 * The checks fed from parse5's tree of `html`. With `figureText`, `html` is a document
 * whose figure list was cut (see figure-list-cut.ts): the template holding just the
 * marker is given that text instead, and undefined is returned unless exactly one did.
 */
function readQuickly(html: string, figureText?: string): Checks | undefined {
  const document = parse(html, { scriptingEnabled: false });
  const reading = new QuickReading(figureText);
  const stack: Array<{ node: P5Node; parent: string | undefined }> = [
    { node: document, parent: undefined },
  ];
  while (stack.length > 0) {
    const { node, parent } = stack.pop()!;
    if (node.nodeName === '#text' && 'value' in node) {
      reading.text(node.value);
      continue;
    }
    if (!('tagName' in node)) {
      if ('childNodes' in node) pushChildren(stack, node.childNodes, parent);
      continue;
    }
    const tagName = reading.element(
      {
        svg: node.namespaceURI === SVG_NAMESPACE,
        tagName: node.tagName,
        attributes: node.attrs,
        parent,
      },
      () => quickChildren(node),
      figureText !== undefined && holdsMarker(node),
    );
    pushChildren(stack, node.childNodes, tagName);
  }
  return reading.marked === (figureText === undefined ? 0 : 1) ? reading.checks : undefined;
}

/** The checks fed element by element by either quick reading (parse5's tree or the scan). */
class QuickReading {
  readonly checks = new Checks();
  /** Templates given the cut figure list's text. */
  marked = 0;
  /**
   * Elements read so far, keyed on what they are built from: the scan's key (the namespace
   * and the tag as written), or the namespace, tag and attributes joined by NUL, which
   * parse5 leaves in no name or value.
   */
  private readonly read = new Map<string | object, { effect: ElementEffect; tagName: string }>();

  constructor(private readonly figureText: string | undefined) {}

  text(value: string): void {
    this.checks.text(value);
  }

  /**
   * Reads one element (its children come after it); returns its tag name as its children's
   * parent. `marker`: it is the template holding the cut figure list's marker.
   */
  element(
    element: Omit<ScannedElement, 'inside' | 'key'> & { readonly key?: object },
    children: () => Array<string | Element>,
    marker: boolean,
  ): string {
    const { svg, tagName, attributes, parent } = element;
    // What a template or style sheet holds, and where, matters; anything else is its tag
    // and attributes alone, read once however often it recurs (a chart repeats its few).
    const alike = tagName !== 'template' && tagName !== 'style';
    let key: string | object = element.key ?? '';
    if (alike) {
      if (element.key === undefined) {
        key = `${svg ? 's' : 'h'}\0${tagName}`;
        for (const { prefix, name, value } of attributes)
          key += `\0${prefix ?? ''}\0${name}\0${value}`;
      }
      const seen = this.read.get(key);
      if (seen) {
        this.checks.apply(seen.effect);
        return seen.tagName;
      }
    }
    const properties: Record<string, string> = {};
    for (const attribute of attributes) {
      const name = (attribute.prefix ? `${attribute.prefix}:` : '') + attribute.name;
      if (!Object.hasOwn(Object.prototype, name)) properties[name] = attribute.value;
    }
    let inside = children();
    if (marker && this.figureText !== undefined) {
      inside = [this.figureText];
      this.marked++;
    }
    const built = (svg ? s : h)(tagName, properties, inside);
    const effect = this.checks.element(built, parent);
    if (alike) this.read.set(key, { effect, tagName: built.tagName });
    return built.tagName;
  }
}

/** An HTML template whose content is the cut figure list's marker and nothing else. */
function holdsMarker(node: P5Element): boolean {
  if (node.tagName !== 'template' || node.namespaceURI !== HTML_NAMESPACE || !('content' in node))
    return false;
  const inside = (node.content as DefaultTreeAdapterMap['documentFragment']).childNodes;
  const only = inside[0];
  return (
    inside.length === 1 && only?.nodeName === '#text' && 'value' in only && only.value === MARKER
  );
}

type P5Node = DefaultTreeAdapterMap['node'];
type P5Element = DefaultTreeAdapterMap['element'];

/**
 * What the checks read inside an element: a style sheet's text, and a template's content
 * (parse5 keeps it apart from the children), with an element standing for any markup in it.
 */
function quickChildren(node: P5Element): Array<string | Element> {
  const inside =
    node.tagName === 'style'
      ? node.childNodes
      : 'content' in node && node.tagName === 'template'
        ? (node.content as DefaultTreeAdapterMap['documentFragment']).childNodes
        : [];
  return inside.map((child) => ('value' in child ? child.value : h('span')));
}
const SVG_NAMESPACE = 'http://www.w3.org/2000/svg';
const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** Children go on the stack last first, so they come off it in document order. */
function pushChildren(
  stack: Array<{ node: P5Node; parent: string | undefined }>,
  children: readonly P5Node[],
  parent: string | undefined,
): void {
  for (let index = children.length - 1; index >= 0; index--) {
    stack.push({ node: children[index]!, parent });
  }
}

/** The gate's checks, fed every text and element in document order. */
class Checks {
  private readonly found: Array<{ line: number; reason: string }> = [];
  private shown = '';
  private readonly ids = new Set<string>();
  private readonly fragments: Array<{ target: string; node: Element }> = [];
  private figureLists = 0;

  private add(reason: string, line = 1): void {
    if (this.found.length < MAX_FINDINGS) this.found.push({ line, reason });
  }

  text(value: string): void {
    this.shown += value + ' ';
  }

  element(node: Element, parentTag: string | undefined): ElementEffect {
    const effect = elementEffect(
      node,
      parentTag,
      node.tagName === 'template' ? ++this.figureLists : 0,
    );
    this.apply(effect);
    return effect;
  }

  /** An element's effect on the checks, computed once for elements alike. */
  apply(effect: ElementEffect): void {
    for (const reason of effect.reasons) this.add(reason);
    if (effect.id !== undefined) this.ids.add(effect.id);
    for (const fragment of effect.fragments) this.fragments.push(fragment);
    this.shown += effect.shown;
  }

  findings(input: GateInput): ReadonlyArray<{ line: number; reason: string }> {
    for (const { target, node } of this.fragments) {
      // A link to nothing is what removing a footnote or heading would leave behind.
      if (!this.ids.has(decodeFragment(target)))
        this.add(`a link to #${clip(target, 40)} goes nowhere (${describe(node)})`);
    }
    for (const leak of exemptLeaks(input.exempt, this.shown, input.publicSource))
      this.add(leak.reason, leak.line);
    return this.found;
  }
}

/**
 * What one element adds to the checks: what is wrong with it, its id, its links within
 * the page and the text its attributes show. It depends on nothing but the element and,
 * for a `<template>` or `<style>`, its parent and its place among the figure lists.
 */
interface ElementEffect {
  readonly reasons: readonly string[];
  readonly id: string | undefined;
  readonly fragments: ReadonlyArray<{ target: string; node: Element }>;
  readonly shown: string;
}

function elementEffect(
  node: Element,
  parentTag: string | undefined,
  figureList: number,
): ElementEffect {
  const reasons: string[] = [];
  const fragments: Array<{ target: string; node: Element }> = [];
  let shown = '';
  const found = (reason: string) => reasons.push(reason);
  // Described only when something is found: most elements are fine.
  const where = () => describe(node);
  if (node.tagName === 'template') {
    const problem = figureListProblem(node, parentTag, figureList);
    if (problem) found(`${problem} (${where()})`);
    else shown += (templateText(node) ?? '') + ' ';
  } else if (!ALLOWED_ELEMENTS.has(node.tagName))
    found(`it has a <${node.tagName}> element (${where()})`);
  if (node.tagName === 'style') {
    const inHead = parentTag === 'head';
    const css = node.children.map((child) => (child.type === 'text' ? child.value : '')).join('');
    const problem = cssProblem(css);
    if (!inHead) found(`it has a <style> element outside the head (${where()})`);
    else if (problem) found(`its style sheet ${problem}`);
  }
  if (
    node.tagName === 'input' &&
    !(node.properties['type'] === 'checkbox' && node.properties['disabled'] === true)
  ) {
    found(`it has an <input> that is not a disabled checkbox (${where()})`);
  }
  if (node.tagName === 'meta') {
    const equiv = String(node.properties['httpEquiv'] ?? '').toLowerCase();
    if (equiv !== '' && equiv !== 'content-security-policy') {
      found(`it has <meta http-equiv="${equiv}"> (${where()})`);
    }
  }
  const id = typeof node.properties['id'] === 'string' ? node.properties['id'] : undefined;
  for (const [key, value] of Object.entries(node.properties)) {
    const text = Array.isArray(value) ? value.join(' ') : String(value);
    if ((key === 'href' || key === 'xLinkHref') && text.startsWith('#')) {
      fragments.push({ target: text.slice(1), node });
    }
    if (key === 'dataLine')
      found(`it has a data-line attribute (${where()}), which shows where removed content stood`);
    else if (/^on/i.test(key)) found(`it has an event handler ${key} (${where()})`);
    else if (key === 'style') {
      const problem = cssProblem(text);
      if (problem) found(`a style attribute ${problem} (${where()})`);
    } else if (URL_PROPERTIES.has(key) && !allowedUrl(key, node.tagName, text)) {
      found(`${attributeName(key)}="${clip(text, 60)}" is a URL outside the document (${where()})`);
    } else if (/^\s*url\(/i.test(text) && cssProblem(text)) {
      found(`${attributeName(key)}="${clip(text, 60)}" is a URL outside the document (${where()})`);
    }
    if (!NOT_TEXT.has(key) && typeof value !== 'boolean') shown += ` ${text} `;
  }
  return { reasons, id, fragments, shown };
}

/** What is wrong with a `<template>`, unless it is the one figure list an export carries. */
function figureListProblem(
  node: Element,
  parentTag: string | undefined,
  count: number,
): string | undefined {
  const keys = Object.keys(node.properties);
  if (node.properties['id'] !== FIGURES_ELEMENT_ID || keys.length !== 1)
    return 'it has a <template> element that is not the figure list';
  if (parentTag !== 'body') return 'it has a figure list outside the body';
  if (count > 1) return 'it has more than one figure list';
  if (node.children.length > 0 || templateText(node) === undefined)
    return 'its figure list holds markup';
  return undefined;
}

function allowedUrl(key: string, tagName: string, value: string): boolean {
  const url = value.trim();
  if ((key === 'href' || key === 'xLinkHref' || key === 'useMap') && url.startsWith('#'))
    return true;
  return key === 'src' && tagName === 'img' && INLINE_IMAGE.test(url);
}

function decodeFragment(target: string): string {
  try {
    return decodeURIComponent(target);
  } catch {
    return target;
  }
}

function cssProblem(css: string): string | undefined {
  if (CSS_FETCH.test(css)) return 'can fetch from outside the document';
  for (const match of css.matchAll(CSS_URL)) {
    const target = (match[2] ?? '').trim();
    if (!target.startsWith('#') && !/^data:/i.test(target)) {
      return `has url(${clip(target, 60)}), outside the document`;
    }
  }
  return undefined;
}

function attributeName(key: string): string {
  if (key === 'xLinkHref') return 'xlink:href';
  return key
    .replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
    .replace(/^src-set$/, 'srcset');
}

/** `<img> at output line 12` (the document's own line, for the author to search). */
function describe(node: Element): string {
  const line = node.position?.start.line;
  return `<${node.tagName}>${line === undefined ? '' : ` at line ${line} of the output`}`;
}

function clip(text: string, length: number): string {
  return text.length > length ? `${text.slice(0, length - 1)}…` : text;
}

/** Letters and digits only, lower case: what survives any Markdown or HTML formatting. */
export function letterStream(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');
}

/**
 * A piece of exempt text is checked when it is long enough not to be an ordinary phrase
 * or heading ("Background", "Case details"): three words and a dozen letters, or twenty
 * letters. Text the public part of the report also says may appear.
 */
const MIN_LETTERS = 12;
const MIN_LETTERS_ALONE = 20;
const MIN_WORDS = 3;

/** Exempt pieces of text found in the document's text (and attribute values). */
export function exemptLeaks(
  exempt: readonly ExemptText[],
  shown: string,
  publicSource: string,
): Array<{ line: number; reason: string }> {
  if (exempt.length === 0) return [];
  const output = letterStream(shown);
  // What the public part says, not what it hides in comments.
  const allowed = letterStream(publicSource.replace(/<!--[\s\S]*?-->/g, ' '));
  const leaks: Array<{ line: number; reason: string }> = [];
  for (const region of exempt) {
    for (const piece of pieces(region)) {
      const stream = letterStream(piece.text);
      const words = piece.text.match(/[\p{L}\p{N}]+/gu)?.length ?? 0;
      const long =
        stream.length >= MIN_LETTERS_ALONE || (words >= MIN_WORDS && stream.length >= MIN_LETTERS);
      if (!long || !output.includes(stream) || allowed.includes(stream)) continue;
      leaks.push({
        line: piece.line,
        reason: `text from the exempt block is in it: “${clip(piece.text.trim(), 60)}”`,
      });
      break;
    }
  }
  return leaks;
}

/**
 * The exempt text cut where the output may hold something else: at line ends, sentence
 * ends and directives (which render figures, not their own words), with link targets and
 * HTML tags taken out (tags keep their text; `**a**b` reads `ab` either way).
 */
/** Marks a cut in a line (the text holds no NUL: the door refuses it). */
const CUT = '\u0000';
const CUTS = new RegExp(`${CUT}|(?<=[.!?;])\\s+`);

function pieces(region: ExemptText): Array<{ line: number; text: string }> {
  const out: Array<{ line: number; text: string }> = [];
  for (const [offset, raw] of region.text.split('\n').entries()) {
    if (/^\s*\[[^\]]+\]:/.test(raw)) continue;
    const line = raw
      .replace(/<!--|-->/g, CUT)
      .replace(/\]\([^)]*\)/g, ']')
      .replace(/<[a-z][a-z0-9+.-]*:[^>\s]*>/gi, CUT)
      .replace(/<\/?[A-Za-z][^>]*>/g, '')
      .replace(/&(?:#x?[0-9a-f]+|[a-z]+);/gi, ' ')
      .replace(/\[\^[^\]]*\]/g, CUT)
      .replace(/:{1,3}[A-Za-z][\w-]*(?:\[[^\]]*\])?(?:\{[^}]*\})?/g, CUT);
    for (const part of line.split(CUTS)) {
      if (part.trim() !== '') out.push({ line: region.line + offset, text: part });
    }
  }
  return out;
}
