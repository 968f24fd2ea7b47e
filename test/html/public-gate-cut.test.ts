import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cutFigureList, MARKER } from '../../src/engine/html/figure-list-cut.js';
import {
  cutReadingFindings,
  thoroughGateProblems,
  wholeQuickFindings,
  type GateInput,
} from '../../src/engine/html/public-gate.js';
import {
  chartExport as madeChartExport,
  editedCopies,
  gateInput,
  realExports,
  type RealExport,
} from './gate-documents.js';

/**
 * The gate reads a public export with its figure list cut out and hands the list's text
 * to the checks itself (figure-list-cut.ts). Wherever it does, it must find exactly what
 * reading the whole document finds; wherever the cut is in doubt it must not read that way.
 */
const START = '<template id="scorecard-figures">';
const EXEMPT = 'Exempt sentence about the child placed far away.';

/** The two readings agree; true when the cut one was taken. */
function agree(input: GateInput, thorough = false): boolean {
  const cut = cutReadingFindings(input);
  const whole = wholeQuickFindings(input);
  if (cut !== undefined) assert.deepEqual(cut, whole);
  // The reading with positions parses with hast-util-from-html and checks every element
  // itself: it says the same, but where.
  if (thorough) assert.deepEqual(whole, thoroughFindings(input));
  return cut !== undefined;
}

function thoroughFindings(input: GateInput): string[] {
  return thoroughGateProblems(input).map((message) =>
    message.reason
      .replace(/^The public export was refused: /, '')
      .replace(/ at line \d+ of the output/g, ''),
  );
}

/** Real exports (gate-documents.ts), and the small one with charts, to be made hostile. */
let exported: RealExport[] = [];
let chartHtml = '';

before(async function () {
  this.timeout(180_000);
  exported = await realExports();
  chartHtml = await madeChartExport();
});

function chartExport(): string {
  return chartHtml;
}

/** The export with `before` put in front of the figure list and `after` behind it. */
function around(html: string, before: string, after = ''): string {
  const start = html.indexOf(START);
  const end = html.indexOf('</template>', start) + '</template>'.length;
  assert.ok(start >= 0 && end > start);
  return html.slice(0, start) + before + html.slice(start, end) + after + html.slice(end);
}

describe('the public gate with its figure list cut out', () => {
  it('reads every real export the cut way, finding what the whole reading finds', () => {
    assert.ok(exported.length >= 10, 'samples, fixtures and the bench report were exported');
    for (const { name, input } of exported) {
      assert.ok(input.html.includes(START), name);
      assert.ok(agree(input, true), `${name} takes the cut reading`);
    }
  });

  it('cuts exactly the list text, which is the JSON the export wrote', () => {
    const html = chartExport();
    const cut = cutFigureList(html);
    assert.ok(cut);
    assert.equal(cut.html.length, html.length - cut.text.length + 1);
    assert.ok(cut.html.includes(`${START}${MARKER}</template>`));
    assert.equal((JSON.parse(cut.text) as { format: string }).format, 'scorecard-figures');
  });

  it('still finds exempt text hidden in the figure list', () => {
    const html = chartExport().replace(START, `${START}"${EXEMPT}",`);
    const input = gateInput(html, [{ line: 3, text: EXEMPT }]);
    assert.ok(agree(input, true));
    assert.ok(cutReadingFindings(input)!.some((reason) => reason.includes('exempt block')));
  });

  it('still finds exempt text in a chart title beside the cut list', () => {
    const html = chartExport().replace(/(<svg[^>]*><title[^>]*>)/, `$1${EXEMPT} `);
    assert.notEqual(html, chartExport(), 'the export has a titled chart');
    const input = gateInput(html, [{ line: 3, text: EXEMPT }]);
    assert.ok(agree(input, true));
    assert.ok(cutReadingFindings(input)!.some((reason) => reason.includes('exempt block')));
  });

  it('still finds a URL and an event handler inside a chart, however often they recur', () => {
    const html = chartExport().replace(
      /<rect /g,
      '<rect onclick="alert(1)" fill="url(http://x/)" /><a xlink:href="http://x/"></a><rect ',
    );
    const input = gateInput(html);
    assert.ok(agree(input, true));
    const found = cutReadingFindings(input)!;
    assert.ok(found.some((reason) => reason.includes('event handler onClick')));
    assert.ok(found.some((reason) => reason.startsWith('xlink:href="http://x/"')));
    assert.ok(found.some((reason) => reason.startsWith('fill="url(http://x/)"')));
  });

  // Where the list's start tag is no start tag, or not in the data state, the marker
  // never becomes a template's only text: the whole document is read.
  const notTags: Array<[string, string, string]> = [
    ['a comment', '<!-- ', ' -->'],
    ['an unclosed comment', '<!--', ''],
    ['a single-quoted attribute', "<p title='", "'>x</p>"],
    ['an unquoted attribute', '<p title=', '>x</p>'],
    ['an unclosed tag', '<p class="x"', ''],
    ['a title', '<title>', '</title>'],
    ['a textarea', '<textarea>', '</textarea>'],
    ['a style sheet', '<style>', '</style>'],
    ['an xmp', '<xmp>', '</xmp>'],
    ['a script', '<script>', '</script>'],
    ['plain text', '<plaintext>', ''],
    ['MathML', '<math>', '</math>'],
    ['an SVG', '<svg>', '</svg>'],
    ['a bogus comment', '<!', ''],
    ['a doctype', '<!DOCTYPE x ', ''],
    ['a CDATA section in SVG', '<svg><![CDATA[', ']]></svg>'],
    ['a template holding markup first', '<template id="scorecard-figures"><b>x</b>', ''],
  ];
  for (const [where, before, after] of notTags) {
    it(`reads the whole document when the list stands in ${where}`, () => {
      const input = gateInput(around(chartExport(), before, after), [{ line: 1, text: EXEMPT }]);
      assert.equal(agree(input, true), false);
    });
  }

  // Where it is a start tag in the data state, the cut reading is taken and must agree
  // (often on a finding: the list outside the body, or two lists).
  const tags: Array<[string, string, string]> = [
    ['a noscript', '<noscript>', '</noscript>'],
    ['a select', '<select>', '</select>'],
    ['a table', '<table>', '</table>'],
    ['a table row', '<table><tr>', '</tr></table>'],
    ['a div', '<div>', '</div>'],
    ['an open formatting element', '<p><b>x</p>', ''],
    ['another template', '<template>', '</template>'],
    ['an end tag with attributes', '<template id=scorecard-figures></x ', ''],
    ['a frameset', '<frameset>', '</frameset>'],
    ['a second figure list', `${START}[]</template>`, ''],
    ['an unclosed foreign element', '<svg><desc>', ''],
  ];
  for (const [where, before, after] of tags) {
    it(`agrees when the list stands in ${where}`, () => {
      agree(gateInput(around(chartExport(), before, after), [{ line: 1, text: EXEMPT }]), true);
    });
  }

  it('agrees when the list stands in the head', () => {
    const html = chartExport();
    const list = html.slice(html.indexOf(START), html.indexOf('</template>') + 11);
    const moved = html.replace(list, '').replace('</head>', `${list}</head>`);
    const input = gateInput(moved);
    assert.ok(agree(input, true), 'a template in the head is a template');
    assert.ok(cutReadingFindings(input)!.some((reason) => reason.includes('outside the body')));
  });

  it('agrees when the list appears twice', () => {
    const html = chartExport();
    const list = html.slice(html.indexOf(START), html.indexOf('</template>') + 11);
    const input = gateInput(html.replace('</body>', `${list}</body>`));
    assert.ok(agree(input, true));
    assert.ok(cutReadingFindings(input)!.some((reason) => reason.includes('more than one')));
  });

  it('does not cut a list holding markup, references, NUL, CR or the marker', () => {
    for (const inside of [
      '<b>x</b>',
      '&amp;',
      '&lt;',
      '\u0000',
      '\r',
      '\r\n',
      '\u0080',
      '\uD800',
    ]) {
      const html = chartExport().replace(START, `${START}${inside}`);
      assert.equal(cutFigureList(html), undefined, JSON.stringify(inside));
      agree(gateInput(html), true);
    }
    // Nor one of whitespace only (or none), which would leave the parser's frameset-ok flag as it was.
    for (const only of ['', '  \n ']) {
      const html = chartExport().replace(/(<template id="scorecard-figures">)[^<]*/, `$1${only}`);
      assert.equal(cutFigureList(html), undefined, JSON.stringify(only));
      agree(gateInput(html), true);
    }
    const elsewhere = chartExport().replace('</body>', '<p>\u0080</p></body>');
    assert.equal(cutFigureList(elsewhere), undefined);
  });

  it('agrees on random edits of a real export', function () {
    this.timeout(120_000);
    const html = chartExport();
    const at = html.indexOf(START);
    const snippets = [
      '<',
      '>',
      '"',
      "'",
      '<!--',
      '-->',
      '</template>',
      START,
      '<template id=scorecard-figures>',
      '<title>',
      '<textarea>',
      '<style>',
      '<svg>',
      '<math>',
      '<table>',
      '<select>',
      '</x ',
      '<p title="',
      '&amp;',
      '&#128;',
      '\u0080',
      '\u0000',
      '\r',
      '<b>',
      '</p>',
      '<frameset>',
      EXEMPT,
    ];
    // Cuts and splices near the list most of the time, anywhere some of the time.
    const position = fc.oneof(
      fc.integer({ min: Math.max(0, at - 300), max: Math.min(html.length, at + 300) }),
      fc.integer({ min: 0, max: html.length }),
    );
    let cutTaken = 0;
    fc.assert(
      fc.property(editedCopies(html, snippets, position), fc.boolean(), (text, withExempt) => {
        const input = gateInput(text, withExempt ? [{ line: 1, text: EXEMPT }] : []);
        if (agree(input)) cutTaken++;
      }),
      { numRuns: 250 },
    );
    assert.ok(cutTaken > 50, `the cut reading was taken ${cutTaken} times`);
  });
});
