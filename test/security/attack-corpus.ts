import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Element, Parents, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import { createEngine, type RenderMode, type RenderResult } from '../../src/engine/index.js';
import { CORPUS } from './helpers.js';

export const ATTACK_REPORT = join(CORPUS, 'attacks.md');

/** The attack report rendered as each audience gets it. */
export async function renderAttacks(): Promise<{ mode: RenderMode; result: RenderResult }[]> {
  const text = await readFile(ATTACK_REPORT, 'utf8');
  const engine = createEngine();
  const out: { mode: RenderMode; result: RenderResult }[] = [];
  for (const mode of ['preview', 'public', 'exempt'] as const) {
    out.push({ mode, result: await engine.render(text, { path: ATTACK_REPORT, mode }) });
  }
  return out;
}

const FORBIDDEN_TAGS = new Set([
  'script',
  'iframe',
  'frame',
  'object',
  'embed',
  'applet',
  'form',
  'base',
  'link',
  'video',
  'audio',
  'source',
  'track',
  'input',
  'button',
  'textarea',
  'select',
  'template',
  'noscript',
  'portal',
  'frameset',
  'picture',
  'image',
]);
const URL_ATTRIBUTES = [
  'href',
  'src',
  'xLinkHref',
  'action',
  'formAction',
  'poster',
  'srcSet',
  'data',
  'background',
  'imageSrcSet',
  'cite',
  'longDesc',
  'itemType',
];

function isFigureList(node: Element, parent: Parents | undefined): boolean {
  return (
    node.tagName === 'template' &&
    parent?.type === 'element' &&
    parent.tagName === 'body' &&
    Object.keys(node.properties).length === 1 &&
    node.properties['id'] === 'scorecard-figures' &&
    node.children.length === 0 &&
    (node.content?.children ?? []).every((child) => child.type === 'text')
  );
}

/**
 * Everything in a document that could run or fetch: a list of findings, empty when the
 * markup is inert. The document's own head (one stylesheet, its CSP meta) is allowed;
 * a GFM task-list checkbox is the one input the sanitizer keeps (disabled).
 */
export function executableParts(html: string): string[] {
  const tree: Root = fromHtml(html);
  const findings: string[] = [];
  visit(tree, 'element', (node: Element, _index, parent) => {
    const name = node.tagName.toLowerCase();
    const inHead = parent?.type === 'element' && parent.tagName === 'head';
    const props = node.properties;
    if (name === 'input' && props['disabled'] === true && props['type'] === 'checkbox') return;
    // The figure list an export carries: inert text in a template, once, in the body.
    if (isFigureList(node, parent)) return;
    if (FORBIDDEN_TAGS.has(name)) findings.push(`<${name}>`);
    if (name === 'style' && !inHead) findings.push('<style> in the body');
    if (name === 'meta' && String(props['httpEquiv'] ?? '').toLowerCase() === 'refresh')
      findings.push('meta refresh');
    for (const [key, value] of Object.entries(props)) {
      const text = Array.isArray(value) ? value.join(' ') : String(value);
      if (/^on/i.test(key)) findings.push(`${name} ${key}=${text}`);
      if (key === 'style' && /url\(|expression\(|@import/i.test(text))
        findings.push(`${name} style=${text}`);
      if (URL_ATTRIBUTES.includes(key) && text !== '') {
        // Browsers ignore control characters and spaces inside a URL scheme.
        const decoded = [...text]
          .filter((char) => char.charCodeAt(0) > 0x20)
          .join('')
          .toLowerCase();
        if (/^(javascript|vbscript|data:text|data:image\/svg)/.test(decoded))
          findings.push(`${name} ${key}=${text}`);
        // Following a link is the reader's choice; loading a resource is not.
        if (key !== 'href' && key !== 'xLinkHref' && !decoded.startsWith('data:image/'))
          findings.push(`${name} ${key}=${text}`);
      }
    }
  });
  return findings;
}
