import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  scannedFindings,
  wholeQuickFindings,
  type GateInput,
} from '../../src/engine/html/public-gate.js';
import {
  chartExport,
  documentOf,
  editedCopies,
  gateInput,
  realExports,
  type RealExport,
} from './gate-documents.js';

/**
 * The public gate reads a document with its own scan first (gate-scan.ts), and with parse5
 * where the scan gives up. Wherever the scan reads a document it must find exactly what
 * parse5's reading finds; the renderer's own documents must all be read by the scan, or it
 * saves nothing.
 */
const EXEMPT = 'Exempt sentence about the child placed far away.';

/** The two readings agree; true when the scan read the document. */
function agree(input: GateInput): boolean {
  const scanned = scannedFindings(input);
  if (scanned !== undefined) assert.deepEqual(scanned, wholeQuickFindings(input));
  return scanned !== undefined;
}

let exported: RealExport[] = [];
let chartHtml = '';

before(async function () {
  this.timeout(180_000);
  exported = await realExports();
  chartHtml = await chartExport();
});

describe('the public gate’s scan', () => {
  it('reads every real export itself, finding what parse5’s reading finds', () => {
    assert.ok(exported.length >= 10, 'samples, fixtures and the bench report were exported');
    for (const { name, input } of exported) assert.ok(agree(input), `${name} is read by the scan`);
  });

  it('finds the same leaks when text shown in an export is made exempt', () => {
    for (const { name, input } of exported) {
      // Headings, captions and chart titles: text the export shows, so a leak either way.
      const shown = [...input.html.matchAll(/<(?:h2|h3|figcaption|title)[^>]*>([^<]{24,})</g)]
        .map((match) => match[1]!)
        .slice(0, 3);
      if (shown.length === 0) continue;
      const leaky = gateInput(
        input.html,
        shown.map((text, index) => ({ line: index + 1, text })),
      );
      assert.ok(agree(leaky), name);
      assert.ok(
        scannedFindings(leaky)!.some((reason) => reason.includes('exempt block')),
        `${name}: a leak is found`,
      );
    }
  });

  // Each of these is outside the subset the scan reads as parse5 does: it must give up.
  const outside: Array<[string, string]> = [
    ['a comment', '<p>a<!-- b -->c</p>'],
    ['a CDATA section', '<svg><text><![CDATA[x]]></text></svg>'],
    ['a stray <', '<p>a < b</p>'],
    ['an unquoted attribute', '<p title=x>a</p>'],
    ['an attribute twice', '<p title="a" title="b">a</p>'],
    ['an end tag out of order', '<p><b>a</p></b>'],
    ['an unclosed element', '<div><p>a</div>'],
    ['a self-closing div', '<div/><p>a</p>'],
    ['a block in a paragraph', '<p>a<div>b</div></p>'],
    ['a table in a paragraph', '<p><table><tr><td>a</td></tr></table></p>'],
    ['a heading in a heading', '<h2><h3>a</h3></h2>'],
    ['a list item in a list item', '<ul><li><li>a</li></li></ul>'],
    ['a term in a definition', '<dl><dd><dt>a</dt></dd></dl>'],
    ['a link in a link', '<a href="#x"><a href="#y">a</a></a>'],
    ['text between table rows', '<table><tr><td>a</td></tr>b</table>'],
    ['a cell outside a row', '<div><td>a</td></div>'],
    ['a div in a table', '<table><div>a</div></table>'],
    ['a legacy reference', '<p>&copy 2024</p>'],
    ['an ampersand before a letter', '<p>AT&T</p>'],
    ['an unknown reference', '<p>&hellip;</p>'],
    ['a C1 numeric reference', '<p>&#128;</p>'],
    ['a NUL reference', '<p>&#0;</p>'],
    ['a CR', '<p>a\rb</p>'],
    ['an unknown element', '<marquee>a</marquee>'],
    ['a script', '<script>a</script>'],
    ['markup in a chart title', '<svg><title><b>a</b></title></svg>'],
    ['a foreign object', '<svg><foreignObject><p>a</p></foreignObject></svg>'],
    ['a style sheet in SVG', '<svg><style>a{}</style></svg>'],
    ['an HTML element in SVG', '<svg><p>a</p></svg>'],
    ['markup in a template', '<template><b>a</b></template>'],
    ['a template in a table', '<table><template>a</template></table>'],
    ['a tag name with a dot', '<a.b>c</a.b>'],
  ];
  for (const [what, body] of outside) {
    it(`gives up on ${what}`, () => {
      const input = gateInput(documentOf(body), [{ line: 1, text: EXEMPT }]);
      assert.equal(scannedFindings(input), undefined);
    });
  }

  it('gives up on a document without the doctype, or with text around the page', () => {
    const html = documentOf('<p>a</p>');
    for (const changed of [
      html.replace(/^<!doctype html>/i, ''),
      html.replace('</html>', '</html>text'),
      html.replace('<body', 'text<body'),
      html.replace('</head>', '<p>a</p></head>'),
    ]) {
      assert.notEqual(changed, html);
      assert.equal(scannedFindings(gateInput(changed)), undefined);
    }
  });

  // Each of these is inside it, and wrong: the scan must find what parse5's reading finds.
  const findings: Array<[string, string, string]> = [
    ['an event handler in a chart', '<svg><rect onclick="x()"></rect></svg>', 'event handler'],
    ['an xlink URL', '<svg><g xlink:href="http://x/"></g></svg>', 'xlink:href='],
    ['a fill URL', '<svg><rect fill="url(http://x/)"></rect></svg>', 'fill="url('],
    ['a data-line attribute', '<p data-line="3">a</p>', 'data-line'],
    ['a style sheet outside the head', '<style>p{}</style>', 'outside the head'],
    ['a link going nowhere', '<a href="#nowhere">a</a>', 'goes nowhere'],
    ['an image from outside', '<img src="http://x/a.png">', 'URL outside'],
    ['an input', '<input type="text">', '<input>'],
    ['a template that is not the list', '<template>x</template>', 'not the figure list'],
    ['a second figure list', '<template id="scorecard-figures">[]</template>', ''],
    ['exempt text in a chart title', `<svg><title>${EXEMPT}</title></svg>`, 'exempt block'],
    [
      'exempt text in a reference',
      '<p>Exempt sentence about the child placed far&#x20;away.</p>',
      'exempt block',
    ],
    ['exempt text in an attribute', `<p title="${EXEMPT}">a</p>`, 'exempt block'],
  ];
  for (const [what, body, reason] of findings) {
    it(`reads and refuses ${what}`, () => {
      const input = gateInput(documentOf(body), [{ line: 1, text: EXEMPT }]);
      assert.ok(agree(input), 'the scan read it');
      const found = scannedFindings(input)!;
      assert.ok(found.length > 0 && found.some((text) => text.includes(reason)), found.join('\n'));
    });
  }

  it('reads references, tables and upper-case names as parse5 does', () => {
    const body =
      '<p title="a &amp; b &#x41; &#66; &quot;c&quot;">x &lt; y &gt; z &nbsp; &apos;q&apos; a & b</p>' +
      '<table><caption>c</caption><colgroup><col></colgroup><thead><tr><th>h</th></tr></thead>' +
      '<tr><td><b>a</b></td></tr></table><ul><li><p>a</p></li></ul><pre>\nkept</pre>' +
      '<P TITLE="upper">a</P><DIV>b</Div><svg viewbox="0 0 1 1"><clippath id="c"></CLIPPATH></svg>';
    assert.ok(agree(gateInput(documentOf(body), [{ line: 1, text: 'x < y > z' }])));
  });

  it('agrees with parse5 on random edits of a real export', function () {
    this.timeout(120_000);
    const html = chartHtml;
    const snippets = [
      '<',
      '>',
      '"',
      "'",
      '=',
      '/',
      '&',
      '<!-- x -->',
      '<p>',
      '</p>',
      '<div>',
      '</div>',
      '<li>',
      '<dd>',
      '<h2>',
      '<a href="#x">',
      '</a>',
      '<b>',
      '</b>',
      '<table>',
      '<tr>',
      '<td>',
      '<template>',
      '</template>',
      '<title>',
      '<style>',
      '</style>',
      '<svg>',
      '</svg>',
      '<desc>',
      '<foreignObject>',
      '<math>',
      '<br/>',
      '<div/>',
      '<path/>',
      ' onclick="x()"',
      ' title="a"',
      ' TITLE="b"',
      '&amp;',
      '&#x41;',
      '&#128;',
      '&copy;',
      '&copy',
      '\u0000',
      '\r',
      EXEMPT,
    ];
    let scanned = 0;
    fc.assert(
      fc.property(editedCopies(html, snippets), fc.boolean(), (text, withExempt) => {
        if (agree(gateInput(text, withExempt ? [{ line: 1, text: EXEMPT }] : []))) scanned++;
      }),
      { numRuns: 400 },
    );
    assert.ok(scanned > 40, `the scan read ${scanned} of the edited exports`);
  });
});
