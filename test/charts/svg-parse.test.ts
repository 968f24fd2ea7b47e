import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Element, Root } from 'hast';
import { fromHtml } from 'hast-util-from-html';
import { trendChartInput } from '../../src/engine/charts/chart-input.js';
import { parseVegaSvg } from '../../src/engine/charts/svg-parse.js';
import { trendChartSpec } from '../../src/engine/charts/trend-spec.js';
import { VegaRenderer } from '../../src/engine/charts/vega-render.js';
import { COMPARATORS, QUARTERS, benchmark, careLeavers } from './fixture.js';

/** The tree as the HTML parser builds it, without source positions (the fast reader has none). */
function viaHtml(text: string): unknown {
  return withoutPositions(fromHtml(text, { fragment: true, space: 'svg' }));
}

function withoutPositions(tree: Root): unknown {
  return JSON.parse(
    JSON.stringify(tree, (key, value: unknown) => (key === 'position' ? undefined : value)),
  );
}

function svgOf(root: Root | undefined): Element {
  const svg = root?.children[0];
  assert.ok(svg?.type === 'element' && svg.tagName === 'svg', 'the root holds the svg');
  return svg;
}

function textIn(node: Element): string {
  return node.children
    .map((c) => (c.type === 'text' ? c.value : c.type === 'element' ? textIn(c) : ''))
    .join('');
}

describe('parseVegaSvg', () => {
  it("builds the HTML parser's tree from Vega's own output, hostile labels and all", async function () {
    this.timeout(120_000);
    const hostile = careLeavers({
      title: `Tom & Jerry's "<b>bold</b>" </text><script>alert(1)</script> — 😀 \u00a0 tab\there`,
      countingUnit: 'young people aged 19–21 & over <18>',
      benchmarks: [
        benchmark('England & Wales "EW"', '2022/23', 66),
        benchmark("Neighbours' <average>\nsecond line", '2023/24', 59),
      ],
    });
    const inputs = [
      trendChartInput(careLeavers(), QUARTERS, [...COMPARATORS]),
      trendChartInput(
        careLeavers({ polarity: 'none', unit: 'count', decimals: 0 }),
        QUARTERS.slice(2),
      ),
      {
        ...trendChartInput(hostile, QUARTERS, [
          'England & Wales "EW"',
          "Neighbours' <average>\nsecond line",
        ]),
        valueLabel: '<svg onload=alert(6)> & "quoted"',
      },
    ];
    for (const input of inputs) {
      const text = await new VegaRenderer().render(trendChartSpec(input));
      const fast = parseVegaSvg(text);
      assert.ok(fast, 'Vega output takes the fast path');
      assert.deepEqual(withoutPositions(fast), viaHtml(text));
    }
  });

  it('decodes the character references Vega writes, in text and attributes', () => {
    const text =
      '<svg width="10"><text x="1" aria-label="a&amp;b&quot;c&#x9;d&#xA;e&#xD;f&lt;&gt;">' +
      '&lt;script&gt; &amp;amp; &apos;&#65;&#x42;&#X43;&#x1F600;&#160;</text></svg>';
    const fast = parseVegaSvg(text);
    const label = svgOf(fast).children[0] as Element;
    assert.equal(label.properties['ariaLabel'], 'a&b"c\td\ne\rf<>');
    assert.equal(textIn(label), "<script> &amp; 'ABC😀\u00a0");
    assert.deepEqual(withoutPositions(fast!), viaHtml(text));
  });

  it('keeps Vega attribute names, values and nesting as the HTML parser reads them', () => {
    const text =
      '<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" class="marks" width="640" height="300" viewBox="0 0 640 300">' +
      '<defs><clipPath id="clip1"><rect x="0" y="0" width="5" height="5"/></clipPath></defs>' +
      '<g fill="none" stroke-miterlimit="4" transform="translate(49,14)" clip-path="url(#clip1)">' +
      '<path class="background" aria-hidden="true" d="M0,0h579v222h-579Z" pointer-events="none"/>' +
      '<text text-anchor="middle" font-size="11px">Q1<tspan dy="1em">2022/23</tspan></text>' +
      '<line x2="579" y2="0" stroke-dasharray="4,2"/> <circle r="2"/></g></svg>';
    const fast = parseVegaSvg(text);
    assert.ok(fast);
    assert.deepEqual(withoutPositions(fast), viaHtml(text));
  });

  const fallbacks: ReadonlyArray<readonly [string, string]> = [
    ['not SVG at all', '<p>hi</p>'],
    ['text before the root', ' <svg></svg>'],
    ['text after the root', '<svg></svg>x'],
    ['a second root', '<svg></svg><svg></svg>'],
    ['an unclosed element', '<svg><g>'],
    ['a truncated tag', '<svg><rect width="1"'],
    ['a truncated attribute', '<svg><rect width="1/></svg>'],
    ['a mismatched end tag', '<svg><g></text></svg>'],
    ['an end tag with space', '<svg><g></g ></svg>'],
    ['a nested svg', '<svg><svg></svg></svg>'],
    ['script', '<svg><script>alert(1)</script></svg>'],
    ['foreignObject', '<svg><foreignObject><div>x</div></foreignObject></svg>'],
    ['a link', '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>'],
    ['image', '<svg><image href="x.png"/></svg>'],
    ['style', '<svg><style>*{}</style></svg>'],
    ['title (its content is read as HTML)', '<svg><title><b>x</b></title></svg>'],
    ['an element an HTML parser breaks out of SVG for', '<svg><g><p>x</p></g></svg>'],
    ['a tag in another case', '<svg><CLIPPATH></CLIPPATH></svg>'],
    ['a comment', '<svg><!-- x --></svg>'],
    ['CDATA', '<svg><text><![CDATA[<b>]]></text></svg>'],
    ['a processing instruction', '<?xml version="1.0"?><svg></svg>'],
    ['a single-quoted attribute', "<svg><rect width='1'/></svg>"],
    ['an unquoted attribute', '<svg><rect width=1/></svg>'],
    ['an attribute without a value', '<svg><rect hidden/></svg>'],
    ['two spaces before an attribute', '<svg><rect  width="1"/></svg>'],
    ['a line break before an attribute', '<svg><rect\nwidth="1"/></svg>'],
    ['a duplicate attribute', '<svg><rect fill="red" fill="blue"/></svg>'],
    ['an upper-case attribute name', '<svg><rect onClick="x"/></svg>'],
    ['an attribute named after an Object member', '<svg><rect constructor="x"/></svg>'],
    ['an unknown named reference', '<svg><text>&nbsp;</text></svg>'],
    ['a reference without its semicolon', '<svg><text>&amp x</text></svg>'],
    ['a bare ampersand', '<svg><text>Tom & Jerry</text></svg>'],
    ['a reference in an attribute without its semicolon', '<svg><text x="&lt1"></text></svg>'],
    ['a reference to NUL', '<svg><text>&#0;</text></svg>'],
    ['a reference to a C1 control (read as Windows-1252)', '<svg><text>&#x80;</text></svg>'],
    ['a reference to a surrogate', '<svg><text>&#xD800;</text></svg>'],
    ['a reference beyond Unicode', '<svg><text>&#x110000;</text></svg>'],
    ['a reference to a noncharacter', '<svg><text>&#xFFFE;</text></svg>'],
    ['a raw NUL', '<svg><text>a\0b</text></svg>'],
    ['a raw carriage return', '<svg><text>a\r\nb</text></svg>'],
    ['a raw control character', '<svg><text>a\u0007b</text></svg>'],
    ['a lone surrogate', '<svg><text>a\ud800b</text></svg>'],
  ];
  for (const [what, text] of fallbacks) {
    it(`leaves ${what} to the HTML parser`, () => {
      assert.equal(parseVegaSvg(text), undefined);
    });
  }

  it('builds either nothing or exactly what the HTML parser builds, for any markup', () => {
    /** Mostly what Vega writes, sometimes what it never does. */
    const pick = (usual: readonly string[], odd: readonly string[]) =>
      fc.oneof(
        { weight: 12, arbitrary: fc.constantFrom(...usual) },
        { weight: 1, arbitrary: fc.constantFrom(...odd) },
      );
    const tag = pick(
      ['g', 'path', 'rect', 'text', 'tspan', 'clipPath', 'defs', 'circle', 'line', 'polygon'],
      ['svg', 'title', 'desc', 'script', 'a', 'foreignObject', 'p', 'font', 'CLIPPATH', 'Rect'],
    );
    const name = pick(
      ['fill', 'd', 'x', 'id', 'viewBox', 'clip-path', 'class', 'aria-label', 'font-size'],
      ['viewbox', 'VIEWBOX', 'clipPath', 'onload', 'style', 'xmlns', 'xmlns:xlink'].concat([
        'xlink:href',
        'href',
        'data-x',
        'constructor',
        'width',
        'points',
        'fill',
      ]),
    );
    const chunk = pick(
      ['a', ' ', '0', 'url(#c)', '&amp;', '&lt;', '&gt;', '&quot;', '&#x9;', '&#xA;', 'é', '😀'],
      ['&apos;', '&#65;', '&#xD;', '&#x80;', '&#0;', '&#X1F600;', '&nbsp;', '&amp', '&', '<']
        .concat(['>', '"', "'", '\t', '\n', '\r', '\0', '\u0085', '\ud800', '</', '<!--', ']]>'])
        .concat(['=', '/', '/>', '\u00a0', '\uFFFE']),
    );
    const value = fc.array(chunk, { maxLength: 5 }).map((parts) => parts.join(''));
    const attribute = fc
      .tuple(pick([' '], ['  ', '\n', '\t', '']), name, pick(['"'], ["'", '']), value)
      .map(
        ([space, n, quote, v]) =>
          `${space}${n}=${quote}${quote ? v.replaceAll(quote, '') : v.replace(/[\s"'<>=`]/g, '')}${quote}`,
      );
    const { node } = fc.letrec<{ node: string }>((tie) => ({
      node: fc.oneof(
        { weight: 1, arbitrary: value.filter((v) => v !== '') },
        {
          weight: 2,
          arbitrary: fc
            .tuple(
              tag,
              fc.array(attribute, { maxLength: 3 }),
              fc.boolean(),
              fc.array(tie('node'), { maxLength: 3 }),
              fc.nat(30),
            )
            .map(([t, attributes, selfClosing, children, odd]) =>
              selfClosing
                ? `<${t}${attributes.join('')}/>`
                : `<${t}${attributes.join('')}>${children.join('')}</${odd === 0 ? 'g' : t}>`,
            ),
        },
      ),
    })) as { node: fc.Arbitrary<string> };
    const svg = fc
      .tuple(
        fc.array(attribute, { maxLength: 3 }),
        fc.array(node, { maxLength: 4 }),
        pick([''], [' ', 'x']),
      )
      .map(
        ([attributes, children, after]) =>
          `<svg${attributes.join('')}>${children.join('')}</svg>${after}`,
      );
    let fast = 0;
    let runs = 0;
    fc.assert(
      fc.property(svg, (text) => {
        runs++;
        const tree = parseVegaSvg(text);
        if (!tree) return;
        fast++;
        assert.deepEqual(withoutPositions(tree), viaHtml(text), text);
      }),
      { numRuns: 3000 },
    );
    assert.ok(fast > runs / 10, `the fast path is exercised (${fast} of ${runs})`);
    assert.ok(fast < runs, 'and so is the fallback');
  });
});
