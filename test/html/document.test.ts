import assert from 'node:assert/strict';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { visit } from 'unist-util-visit';
import {
  DOCUMENT_CSP,
  EXEMPT_NOTICE,
  readGenerator,
  renderDocument,
  type DocumentInput,
} from '../../src/engine/html/document.js';
import { DOCUMENT_CSS } from '../../src/engine/html/styles.js';
import { FIXTURE_BODY } from './fixture-body.js';

const base: DocumentInput = {
  title: 'Children in Care Performance Report',
  meeting: 'Corporate Parenting Panel, 15 July 2024',
  periodLabel: 'Q4 2023/24 (January to March 2024)',
  classification: 'public',
  mode: 'public',
  bodyHtml: FIXTURE_BODY,
  symbolsUsed: [],
  legend: [],
  generator: 'Scorecard Markdown 0.1.0',
};

function parse(html: string): Root {
  return fromHtml(html);
}

function elements(tree: Root, test: (node: Element) => boolean): Element[] {
  const found: Element[] = [];
  visit(tree, 'element', (node) => {
    if (test(node)) found.push(node);
  });
  return found;
}

function text(node: Element | Root): string {
  let out = '';
  visit(node, 'text', (t) => {
    out += t.value;
  });
  return out;
}

function meta(tree: Root, name: string): string | undefined {
  const node = elements(tree, (n) => n.tagName === 'meta' && n.properties['name'] === name)[0];
  return node ? String(node.properties['content']) : undefined;
}

describe('renderDocument', () => {
  it('writes a complete en-GB document with charset, viewport, generator, CSP and title', () => {
    const html = renderDocument(base);
    assert.ok(html.startsWith('<!doctype html>\n<html lang="en-GB">'));
    const tree = parse(html);
    assert.equal(
      elements(tree, (n) => n.tagName === 'meta' && n.properties['charSet'] === 'utf-8').length,
      1,
    );
    assert.equal(meta(tree, 'viewport'), 'width=device-width, initial-scale=1');
    assert.equal(meta(tree, 'generator'), 'Scorecard Markdown 0.1.0');
    const csp = elements(
      tree,
      (n) => n.tagName === 'meta' && n.properties['httpEquiv'] !== undefined,
    )[0];
    assert.deepEqual(csp?.properties['httpEquiv'], ['Content-Security-Policy']);
    assert.equal(
      csp?.properties['content'],
      "default-src 'none'; style-src 'unsafe-inline'; img-src data:",
    );
    assert.equal(DOCUMENT_CSP, csp?.properties['content']);
    const title = elements(tree, (n) => n.tagName === 'title')[0];
    assert.equal(
      title && text(title),
      'Children in Care Performance Report — Q4 2023/24 (January to March 2024)',
    );
  });

  it('inlines the stylesheet and the running page header, and nothing that loads or runs', () => {
    const html = renderDocument(base);
    const tree = parse(html);
    const style = elements(tree, (n) => n.tagName === 'style')[0];
    assert.ok(style && text(style).startsWith(DOCUMENT_CSS));
    assert.match(
      text(style!),
      /@top-left \{ content: "Children in Care Performance Report · Q4 2023\/24 \(January to March 2024\)"/,
    );
    assert.equal(
      elements(tree, (n) => ['script', 'link', 'iframe', 'object'].includes(n.tagName)).length,
      0,
    );
  });

  it('puts header, main#content with the body, and footer in that order as landmarks', () => {
    const tree = parse(renderDocument(base));
    const body = elements(tree, (n) => n.tagName === 'body')[0]!;
    const landmarks = body.children
      .filter((c): c is Element => c.type === 'element')
      .map((c) => c.tagName);
    assert.deepEqual(landmarks, ['a', 'header', 'main', 'footer']);
    const main = elements(tree, (n) => n.tagName === 'main')[0]!;
    assert.equal(main.properties['id'], 'content');
    assert.ok(renderDocument(base).includes(FIXTURE_BODY), 'the body is inserted as it is');
    const header = elements(tree, (n) => n.tagName === 'header')[0]!;
    const h1 = elements(tree, (n) => n.tagName === 'h1');
    assert.equal(h1.length, 1);
    assert.match(text(header), /Children in Care Performance Report/);
    assert.match(text(header), /Corporate Parenting Panel, 15 July 2024/);
    assert.match(text(header), /Q4 2023\/24 \(January to March 2024\)/);
    const skip = body.children.find((c): c is Element => c.type === 'element' && c.tagName === 'a');
    assert.equal(skip?.properties['href'], '#content');
  });

  it('leaves out meeting and period when absent or blank', () => {
    const html = renderDocument({
      title: base.title,
      periodLabel: '  ',
      classification: 'public',
      mode: 'public',
      bodyHtml: '<p>body</p>',
      symbolsUsed: [],
      legend: [],
      generator: base.generator,
    });
    const tree = parse(html);
    const header = elements(tree, (n) => n.tagName === 'header')[0]!;
    assert.equal(elements(header as unknown as Root, (n) => n.tagName === 'p').length, 0);
    assert.equal(
      text(elements(tree, (n) => n.tagName === 'title')[0]!),
      'Children in Care Performance Report',
    );
  });

  it('escapes every text it inserts, including in the print header CSS', () => {
    const hostile = 'Report </style><script>alert(1)</script> & "quotes"';
    const html = renderDocument({
      ...base,
      title: hostile,
      meeting: '<img src=x onerror=alert(1)>',
      periodLabel: '</title><b>',
    });
    const tree = parse(html);
    assert.equal(elements(tree, (n) => ['script', 'img', 'b'].includes(n.tagName)).length, 0);
    assert.equal(elements(tree, (n) => n.tagName === 'style').length, 1);
    assert.equal(text(elements(tree, (n) => n.tagName === 'h1')[0]!), hostile);
    assert.equal((html.match(/<\/style>/g) ?? []).length, 1);
  });

  it('shows the exempt banner in the exempt export and in the preview of an exempt report only', () => {
    const banner = (input: DocumentInput): number =>
      elements(parse(renderDocument(input)), (n) => n.tagName === 'header').flatMap((header) =>
        elements(header as unknown as Root, (n) => n.tagName === 'p' && text(n) === EXEMPT_NOTICE),
      ).length;
    assert.equal(banner({ ...base, classification: 'exempt', mode: 'exempt' }), 1);
    assert.equal(banner({ ...base, classification: 'public', mode: 'exempt' }), 1);
    assert.equal(banner({ ...base, classification: 'exempt', mode: 'preview' }), 1);
    assert.equal(banner({ ...base, classification: 'public', mode: 'preview' }), 0);
    assert.equal(banner({ ...base, classification: 'exempt', mode: 'public' }), 0);
    const exempt = renderDocument({ ...base, classification: 'exempt', mode: 'exempt' });
    assert.match(exempt, /<title>Exempt — Children in Care/);
    assert.match(exempt, /@top-left \{ content: "EXEMPT · Children in Care/);
    assert.match(
      exempt,
      /<footer[^>]*>[\s\S]*Exempt information — not for publication[\s\S]*<\/footer>/,
    );
    assert.match(exempt, /<body class="sc-doc sc-doc--exempt">/);
  });

  it('adds the legend of symbols only when any is used, each once, with DfE meanings', () => {
    const without = parse(renderDocument(base));
    assert.equal(elements(without, (n) => n.tagName === 'aside').length, 0);

    const tree = parse(renderDocument({ ...base, symbolsUsed: ['z', 'c', 'c', 'x'] }));
    const aside = elements(tree, (n) => n.tagName === 'aside')[0]!;
    assert.equal(aside.properties['ariaLabelledBy'] !== undefined, true);
    const terms = elements(aside as unknown as Root, (n) => n.tagName === 'dt').map(text);
    assert.deepEqual(terms, ['c', 'x', 'z']);
    const meanings = elements(aside as unknown as Root, (n) => n.tagName === 'dd').map(text);
    assert.equal(meanings[2], 'not applicable');
    const order = elements(tree, (n) => ['main', 'aside', 'footer'].includes(n.tagName)).map(
      (n) => n.tagName,
    );
    assert.deepEqual(order, ['main', 'aside', 'footer']);
  });

  it('lists caller legend entries first and lets them word a symbol', () => {
    const tree = parse(
      renderDocument({
        ...base,
        symbolsUsed: ['c', 'u'],
        legend: [
          { symbol: '▲', meaning: 'Green: on or better than target' },
          { symbol: 'c', meaning: 'suppressed: fewer than 6 children' },
        ],
      }),
    );
    const aside = elements(tree, (n) => n.tagName === 'aside')[0] as unknown as Root;
    const terms = elements(aside, (n) => n.tagName === 'dt').map(text);
    assert.deepEqual(terms, ['▲', 'c', 'u']);
    assert.equal(
      elements(aside, (n) => n.tagName === 'dd').map(text)[1],
      'suppressed: fewer than 6 children',
    );
  });

  it('is reproducible: no date, same input gives the same bytes', () => {
    const a = renderDocument(base);
    assert.equal(a, renderDocument({ ...base }));
    assert.doesNotMatch(a, /\b20\d\d-\d\d-\d\d\b/);
    assert.match(a, /<footer class="sc-footer">[\s\S]*Generated by Scorecard Markdown 0\.1\.0\./);
  });

  it('names the generator, prefixing a bare version, and readGenerator recognises its files', () => {
    const html = renderDocument({ ...base, generator: '0.2.0' });
    assert.equal(meta(parse(html), 'generator'), 'Scorecard Markdown 0.2.0');
    assert.equal(readGenerator(html), 'Scorecard Markdown 0.2.0');
    assert.equal(
      readGenerator('<!doctype html><meta name="generator" content="Microsoft Word 15"><body>'),
      undefined,
    );
    assert.equal(readGenerator('<p>hello</p>'), undefined);
    assert.equal(
      readGenerator(
        '<html><body><meta name="generator" content="Scorecard Markdown 1.0.0"></body>',
      ),
      undefined,
      'only the head counts',
    );
  });
});
