/**
 * A strict reader for the SVG text Vega writes: one `<svg>` element of a few drawing
 * elements, double-quoted attributes, and only the character references Vega's own
 * escaping makes. For such text it builds the very tree that
 * `fromHtml(text, {fragment: true, space: 'svg'})` builds (bar source positions), in a
 * fraction of the time; for anything else it gives up and returns undefined, so the
 * caller parses with the HTML parser instead. It decides nothing about safety: the tree
 * it returns is sanitized like any other.
 */
import type { Element, ElementContent, Root } from 'hast';
import { s } from 'hastscript';
import { NAMED_REFERENCES } from '../html/named-references.js';

/**
 * The elements read here. Not `title` or `desc`: an HTML parser reads their content as
 * HTML (they are integration points), and not anything an HTML parser would break out of
 * SVG for, or that the sanitizer strips.
 */
const TAGS = new Set([
  'svg',
  'g',
  'path',
  'rect',
  'circle',
  'ellipse',
  'line',
  'polyline',
  'polygon',
  'text',
  'tspan',
  'defs',
  'clipPath',
]);

/**
 * Attribute names as the HTML parser would leave them: it lowercases names (property
 * lookup ignores case anyway) and keeps prefixes such as `xmlns:xlink`.
 */
const ATTRIBUTE = /viewBox|[a-z][a-z0-9]*(?:[-:][a-z0-9]+)*/y;
const TAG = /[A-Za-z]+/y;
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#([0-9]{1,7})|#[xX]([0-9A-Fa-f]{1,6}));/y;
/**
 * Characters an HTML parser replaces, normalizes or reports in a way that could change
 * what it builds: NUL, CR, controls but tab and line feed, C1 controls, lone surrogates
 * and noncharacters. Their presence sends the text to the HTML parser.
 */
/* eslint-disable no-control-regex -- control characters are what it looks for */
const AWKWARD =
  /[\0-\x08\x0B-\x1F\x7F-\x9F\uFDD0-\uFDEF\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
/* eslint-enable no-control-regex */

/** Whether a character reference to `code` reads as that very character in HTML. */
function plainCodePoint(code: number): boolean {
  return (
    code === 0x09 ||
    code === 0x0a ||
    code === 0x0d ||
    (code >= 0x20 && code <= 0x7e) ||
    (code >= 0xa0 && code <= 0xd7ff) ||
    (code >= 0xe000 &&
      code <= 0x10ffff &&
      (code & 0xfffe) !== 0xfffe &&
      !(code >= 0xfdd0 && code <= 0xfdef))
  );
}

/** Decodes Vega's character references; undefined for any other use of `&`. */
function decode(raw: string): string | undefined {
  let amp = raw.indexOf('&');
  if (amp < 0) return raw;
  let out = '';
  let from = 0;
  while (amp >= 0) {
    REFERENCE.lastIndex = amp;
    const match = REFERENCE.exec(raw);
    if (!match) return undefined;
    let char: string;
    if (match[1] !== undefined) {
      char = NAMED_REFERENCES[match[1]] ?? '';
    } else {
      const code = match[2] !== undefined ? Number(match[2]) : parseInt(match[3] ?? '', 16);
      if (!plainCodePoint(code)) return undefined;
      char = String.fromCodePoint(code);
    }
    out += raw.slice(from, amp) + char;
    from = REFERENCE.lastIndex;
    amp = raw.indexOf('&', from);
  }
  return out + raw.slice(from);
}

interface Open {
  readonly tag: string;
  readonly properties: Record<string, string>;
  readonly children: ElementContent[];
}

/**
 * Reads Vega's SVG text into a hast root holding the `<svg>` element, or returns
 * undefined when the text is not of the strict form this reader knows.
 */
export function parseVegaSvg(text: string): Root | undefined {
  if (!text.startsWith('<svg') || AWKWARD.test(text)) return undefined;
  const stack: Open[] = [];
  let root: Element | undefined;
  let at = 0;
  const end = text.length;
  while (at < end) {
    if (text.charCodeAt(at) !== 0x3c /* < */) {
      // Text between tags: only inside the root, and never `<` unescaped (it ends the text).
      const top = stack.at(-1);
      if (!top) return undefined;
      let next = text.indexOf('<', at);
      if (next < 0) next = end;
      const value = decode(text.slice(at, next));
      if (value === undefined) return undefined;
      top.children.push({ type: 'text', value });
      at = next;
      continue;
    }
    if (text.charCodeAt(at + 1) === 0x2f /* / */) {
      TAG.lastIndex = at + 2;
      const name = TAG.exec(text)?.[0];
      const top = stack.pop();
      if (!name || !top || name !== top.tag || text.charCodeAt(TAG.lastIndex) !== 0x3e /* > */)
        return undefined;
      at = TAG.lastIndex + 1;
      const element = s(top.tag, top.properties, top.children);
      const parent = stack.at(-1);
      if (parent) parent.children.push(element);
      else {
        root = element;
        break;
      }
      continue;
    }
    TAG.lastIndex = at + 1;
    const tag = TAG.exec(text)?.[0];
    if (!tag || !TAGS.has(tag) || (stack.length === 0) !== (tag === 'svg')) return undefined;
    at = TAG.lastIndex;
    const properties: Record<string, string> = {};
    const seen = new Set<string>();
    let closed = false;
    for (;;) {
      const c = text.charCodeAt(at);
      if (c === 0x3e /* > */) {
        at++;
        break;
      }
      if (c === 0x2f /* / */ && text.charCodeAt(at + 1) === 0x3e) {
        at += 2;
        closed = true;
        break;
      }
      // One space before each attribute, as Vega writes them.
      if (c !== 0x20) return undefined;
      ATTRIBUTE.lastIndex = at + 1;
      const name = ATTRIBUTE.exec(text)?.[0];
      // The HTML parser lowercases names and keeps the first of two alike (`viewBox`, `viewbox`).
      const lower = name?.toLowerCase();
      if (!name || !lower || seen.has(lower) || name in Object.prototype) return undefined;
      seen.add(lower);
      at = ATTRIBUTE.lastIndex;
      if (text.charCodeAt(at) !== 0x3d /* = */ || text.charCodeAt(at + 1) !== 0x22 /* " */)
        return undefined;
      const close = text.indexOf('"', at + 2);
      if (close < 0) return undefined;
      const value = decode(text.slice(at + 2, close));
      if (value === undefined) return undefined;
      properties[name] = value;
      at = close + 1;
    }
    if (closed) {
      const element = s(tag, properties);
      const parent = stack.at(-1);
      if (parent) parent.children.push(element);
      else {
        root = element;
        break;
      }
    } else {
      stack.push({ tag, properties, children: [] });
    }
  }
  if (!root || at !== end) return undefined;
  return { type: 'root', children: [root], data: { quirksMode: false } };
}
