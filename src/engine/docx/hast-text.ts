import type { Element, ElementContent, Root, RootContent } from 'hast';

type Parent = Root | Element;

/** The element children of a node, skipping text, comments and doctype. */
export function elementChildren(node: Parent): Element[] {
  const out: Element[] = [];
  for (const child of node.children) if (child.type === 'element') out.push(child);
  return out;
}

/** The first descendant (depth first) with one of these tag names. */
export function findElement(node: Parent, names: readonly string[]): Element | undefined {
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (names.includes(child.tagName)) return child;
    const found = findElement(child, names);
    if (found) return found;
  }
  return undefined;
}

/** Every descendant with one of these tag names, outermost first, not looking inside a match. */
export function findAll(node: Parent, names: readonly string[]): Element[] {
  const found: Element[] = [];
  for (const child of node.children) {
    if (child.type !== 'element') continue;
    if (names.includes(child.tagName)) found.push(child);
    else found.push(...findAll(child, names));
  }
  return found;
}

/** The text a reader sees, whitespace collapsed as a browser lays it out. */
export function textOf(node: Parent | RootContent | ElementContent): string {
  return collapse(rawText(node));
}

function rawText(node: Parent | RootContent | ElementContent): string {
  if (node.type === 'text') return node.value;
  if (node.type === 'element' && node.tagName === 'br') return ' ';
  if (node.type === 'element' && isHidden(node)) return '';
  if (node.type === 'element' || node.type === 'root') return node.children.map(rawText).join('');
  return '';
}

export function collapse(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Hidden from every reader (`hidden`); `aria-hidden` shapes stay, as sighted readers see them. */
export function isHidden(element: Element): boolean {
  return element.properties['hidden'] !== undefined && element.properties['hidden'] !== false;
}

export function isHeading(element: Element): boolean {
  return /^h[1-6]$/.test(element.tagName);
}

/** A string property (hast keeps some as arrays, such as class names and ARIA id lists). */
export function stringProperty(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.join(' ');
  return undefined;
}
