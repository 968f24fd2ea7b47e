import assert from 'node:assert/strict';
import fc from 'fast-check';
import { documentOf } from './gate-documents.js';
import {
  quickFinding,
  quickFindings,
  thoroughGateProblems,
} from '../../src/engine/html/public-gate.js';

/**
 * The public gate reads a document quickly first (parse5's tree) and again with positions
 * (hast-util-from-html) only when the quick reading finds something: the two must agree
 * on every document, odd markup included, or the quick one would let something through.
 */
const PIECES = [
  '<p>Text</p>',
  '<p id="a">Anchor</p>',
  '<a href="#a">to a</a>',
  '<a href="#nowhere">lost</a>',
  '<a href="http://example.org/">out</a>',
  '<img alt="" src="data:image/png;base64,iVBORw0KGgo=">',
  '<img src="x.png">',
  '<input type="checkbox" disabled>',
  '<input type="checkbox" disabled="disabled">',
  '<input type="text">',
  '<input type="checkbox" disabled="no">',
  '<svg viewBox="0 0 2 2"><path d="M0 0" fill="url(#c)"></path><text x="1">Label</text></svg>',
  '<svg><a xlink:href="http://example.org/">x</a></svg>',
  '<svg><foreignObject><p>in</p></foreignObject></svg>',
  '<svg><style>a{}</style></svg>',
  '<style>p{color:red}</style>',
  '<div style="background:url(http://x)">s</div>',
  '<div style="color:red">ok</div>',
  '<p onclick="x()">click</p>',
  '<p data-line="3">line</p>',
  '<template><img src="x.png"></template>',
  '<a.b href="#a">selector</a.b>',
  '<div id="x.y">dotted</div>',
  '<table><tr><td>cell<p>misnested</table>',
  '<noscript><img src="x.png"></noscript>',
  '<script>alert(1)</script>',
  '<meta http-equiv="refresh" content="0">',
  '<p>Exempt sentence about the child placed far away.</p>',
  '<b><i>unclosed',
  '</p></div>',
  '<!-- comment -->',
  '<math><mi>x</mi></math>',
  '<iframe src="data:text/html,x"></iframe>',
  '<p title="width 10.50">numbers</p>',
  '<svg width="010" height="1e2"><rect x="10.50"></rect></svg>',
  '<svg><template id="scorecard-figures">[]</template></svg>',
  '<template id="scorecard-figures">[]</template>',
  '<math><style>@import "x";</style></math>',
  '<P ID="a" CLASS="b  c">upper</P>',
  '<a xlink:href="#a">html xlink</a>',
];

describe('the public gate, quick and thorough readings', () => {
  it('agree on documents made of odd and hostile pieces', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }),
        fc.boolean(),
        (pieces, withExempt) => {
          const input = {
            html: documentOf(pieces.join('\n')),
            file: '/r.md',
            exempt: withExempt
              ? [{ line: 3, text: 'Exempt sentence about the child placed far away.' }]
              : [],
            publicSource: '',
          };
          assert.equal(quickFinding(input), thoroughGateProblems(input).length > 0);
          // Not only the verdict: the same findings, in the same order, but for positions
          // (elements alike are checked once in the quick reading; see readQuickly).
          assert.deepEqual(
            quickFindings(input),
            thoroughGateProblems(input).map((message) =>
              message.reason
                .replace(/^The public export was refused: /, '')
                .replace(/ at line \d+ of the output/g, ''),
            ),
          );
        },
      ),
      { numRuns: 300 },
    );
  });

  it('count an element found wrong as often as it recurs, and tell alike ones apart', () => {
    const input = {
      html: documentOf(
        '<a href="http://x/">1</a><a href="http://x/">2</a><a href="http://x/" title="t">3</a>' +
          '<p title="a" lang="b">4</p><p title="a\u0000lang\u0000b">5</p>' +
          '<a href="#n">6</a><a href="#n">7</a><p id="n">8</p>' +
          '<svg><a xlink:href="http://x/">9</a><a href="http://x/">10</a></svg>',
      ),
      file: '/r.md',
      exempt: [],
      publicSource: '',
    };
    const found = quickFindings(input);
    assert.equal(found.filter((reason) => reason.startsWith('href="http://x/"')).length, 4);
    assert.equal(found.filter((reason) => reason.startsWith('xlink:href="http://x/"')).length, 1);
    assert.deepEqual(
      found,
      thoroughGateProblems(input).map((message) =>
        message.reason
          .replace(/^The public export was refused: /, '')
          .replace(/ at line \d+ of the output/g, ''),
      ),
    );
  });

  it('agree on a document with nothing wrong in it', () => {
    const input = {
      html: documentOf('<p id="a">x</p><a href="#a">y</a>'),
      file: '/r.md',
      exempt: [],
      publicSource: '',
    };
    assert.equal(quickFinding(input), false);
    assert.deepEqual(thoroughGateProblems(input), []);
  });
});
