/**
 * Vega's SVG text -> a hast element safe to put in the page. Chart labels carry data
 * and report text (titles, comparator names, counting units), which are untrusted, so
 * the SVG is parsed rather than pasted, and only the drawing elements and presentation
 * attributes a static chart uses survive: no script, no foreignObject, no event
 * handlers, no links, no style, and no url() but references to the chart's own clips.
 */
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { sanitize } from 'hast-util-sanitize';
import type { Schema } from 'hast-util-sanitize';
import { walkType } from '../tree-walk.js';
import { parseVegaSvg } from './svg-parse.js';

const PAINT = [
  'fill',
  'fillOpacity',
  'fillRule',
  'stroke',
  'strokeWidth',
  'strokeOpacity',
  'strokeDashArray',
  'strokeDashOffset',
  'strokeLineCap',
  'strokeLineJoin',
  'strokeMiterLimit',
  'opacity',
  'transform',
  'display',
  'visibility',
  'id',
  // Only a reference to a clip path inside this very SVG.
  ['clipPath', /^url\(#[A-Za-z][\w-]*\)$/],
] as const;

const TEXT = [
  'x',
  'y',
  'dx',
  'dy',
  'textAnchor',
  'dominantBaseline',
  'fontFamily',
  'fontSize',
  'fontWeight',
  'fontStyle',
  'fontVariant',
  'letterSpacing',
];

const SHAPES: Readonly<Record<string, readonly string[]>> = {
  svg: ['width', 'height', 'viewBox', 'role', 'ariaLabelledBy', 'focusable'],
  g: [],
  defs: [],
  clipPath: [],
  path: ['d'],
  rect: ['x', 'y', 'width', 'height', 'rx', 'ry'],
  circle: ['cx', 'cy', 'r'],
  ellipse: ['cx', 'cy', 'rx', 'ry'],
  line: ['x1', 'y1', 'x2', 'y2'],
  polyline: ['points'],
  polygon: ['points'],
  text: TEXT,
  tspan: TEXT,
  title: ['id'],
  desc: ['id'],
};

const schema: Schema = {
  tagNames: Object.keys(SHAPES),
  attributes: Object.fromEntries(
    Object.entries(SHAPES).map(([tag, own]) => [
      tag,
      [...PAINT.map((p) => (typeof p === 'string' ? p : [...p])), ...own],
    ]),
  ) as Schema['attributes'],
  // Removed with everything inside them; other unknown elements are unwrapped.
  strip: ['script', 'style', 'foreignObject', 'iframe', 'object', 'embed', 'a', 'image', 'use'],
  // Ids are prefixed by `prefixIds` below, per chart, instead.
  clobber: [],
  protocols: {},
  allowComments: false,
  allowDoctypes: false,
};

/** Makes an id prefix safe to put in ids and url() references. */
export function safeIdPrefix(prefix: string): string {
  const cleaned = prefix.replace(/[^A-Za-z0-9_-]+/g, '-');
  return /^[A-Za-z]/.test(cleaned) ? cleaned : `sc-${cleaned}`;
}

/**
 * Prefixes every id and every local url(#id) reference, so two charts in one document
 * (each with its own `clip1`) never point at each other's clip paths. Run on a sanitized
 * tree: the prefix is made safe first, so the references still match the allowlist.
 */
export function prefixIds(svg: Element, idPrefix: string): void {
  const prefix = safeIdPrefix(idPrefix);
  walkType<Element>(svg, 'element', (node) => {
    const id = node.properties['id'];
    if (typeof id === 'string') node.properties['id'] = `${prefix}-${id}`;
    const clip = node.properties['clipPath'];
    if (typeof clip === 'string') {
      node.properties['clipPath'] = clip.replace(/url\(\s*#([^)\s]+)\s*\)/g, `url(#${prefix}-$1)`);
    }
  });
}

/**
 * Parses Vega's SVG and keeps only what the allowlist admits. Returns the `<svg>`
 * element, or undefined when the text holds none. Vega's own output is read by a strict
 * reader that builds the same tree as the HTML parser at a fraction of the cost;
 * anything it does not expect goes through the HTML parser, as a browser would read it.
 * This is the costly half of cleaning, so the render workers do it.
 */
export function sanitizeSvg(svg: string): Element | undefined {
  const parsed: Root = parseVegaSvg(svg) ?? fromHtml(svg, { fragment: true, space: 'svg' });
  const clean = sanitize(parsed, schema);
  const root = clean.type === 'root' ? clean.children : [clean];
  return root.find((node): node is Element => node.type === 'element' && node.tagName === 'svg');
}

/** `sanitizeSvg` and then `prefixIds`: Vega's SVG text as an element safe to put in the page. */
export function cleanSvg(svg: string, idPrefix: string): Element | undefined {
  const element = sanitizeSvg(svg);
  if (element) prefixIds(element, idPrefix);
  return element;
}
