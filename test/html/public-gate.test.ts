import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderDocument } from '../../src/engine/html/document.js';
import { publicGateProblems, type ExemptText } from '../../src/engine/html/public-gate.js';
import { runCli } from '../../src/cli/main.js';
import { createEngine } from '../../src/engine/index.js';
import { createNodeHost } from '../../src/engine/index.js';

/**
 * The last gate reads a finished public document on its own: these documents are built
 * by hand, as a broken pipeline might build them, and each must be refused.
 */
const REPO = fileURLToPath(new URL('../../', import.meta.url));

function page(bodyHtml: string): string {
  return renderDocument({
    title: 'Gate',
    classification: 'public',
    mode: 'public',
    bodyHtml,
    symbolsUsed: [],
    legend: [],
    generator: 'Scorecard Markdown test',
  });
}

function problems(bodyHtml: string, exempt: readonly ExemptText[] = [], publicSource = '') {
  return publicGateProblems({ html: page(bodyHtml), file: '/r.md', exempt, publicSource }).map(
    (m) => {
      assert.equal(m.ruleId, 'public-gate');
      assert.equal(m.severity, 'error');
      return `${m.line} ${m.reason}`;
    },
  );
}

describe('the public gate', () => {
  it('passes a clean document, fragment links and inline images included', () => {
    assert.deepEqual(
      problems(
        '<h2 id="a">Care leavers</h2><p>Text <a href="#a">here</a>.</p><img alt="" src="data:image/png;base64,iVBORw0KGgo="><svg viewBox="0 0 2 2"><defs><clipPath id="c"><rect width="1" height="1"></rect></clipPath></defs><path d="M0 0" clip-path="url(#c)" fill="url(#c)"></path></svg>',
      ),
      [],
    );
  });

  const refused: Array<[string, string, RegExp]> = [
    [
      'data-line',
      '<p data-line="12">x</p>',
      /data-line attribute \(<p> at line \d+ of the output\)/,
    ],
    [
      'a remote image',
      '<img src="http://127.0.0.1:9/x.png" alt="">',
      /src="http:\/\/127\.0\.0\.1:9\/x\.png" is a URL outside/,
    ],
    ['a relative image', '<img src="pixel.png" alt="">', /src="pixel\.png" is a URL outside/],
    [
      'an SVG data image',
      '<img src="data:image/svg+xml;base64,PHN2Zz4=" alt="">',
      /is a URL outside/,
    ],
    ['srcset', '<img alt="" srcset="http://127.0.0.1:9/a.png 2x">', /srcset=/],
    [
      'picture and source',
      '<picture><source srcset="http://127.0.0.1:9/p.png"><img alt=""></picture>',
      /<picture> element[\s\S]*<source> element|srcset=/,
    ],
    [
      'an external link',
      '<a href="https://example.org/">x</a>',
      /href="https:\/\/example\.org\/" is a URL outside/,
    ],
    ['a javascript link', '<a href="javascript:alert(1)">x</a>', /is a URL outside/],
    ['xlink:href', '<svg><a xlink:href="http://x/"><text>t</text></a></svg>', /xlink:href=/],
    ['poster', '<div poster="http://x/p.png"></div>', /poster=/],
    ['formaction', '<p formaction="http://x/">x</p>', /form-action=|formaction/i],
    [
      'style url()',
      '<div style="background:url(http://x/b.png)">x</div>',
      /style attribute has url\(http:\/\/x\/b\.png\)/,
    ],
    [
      'style image-set',
      '<div style="background-image:image-set(&quot;x.png&quot; 1x)">x</div>',
      /can fetch/,
    ],
    ['a stylesheet in the body', '<style>p{}</style>', /<style> element outside the head/],
    ['a script', '<script>alert(1)</script>', /<script> element/],
    ['a text input', '<input type="text" value="x">', /<input> that is not a disabled checkbox/],
    ['an iframe', '<iframe></iframe>', /<iframe> element/],
    ['an event handler', '<p onclick="x()">x</p>', /event handler onClick/],
    [
      'a dangling fragment link',
      '<p><a href="#user-content-fn-1">1</a></p>',
      /link to #user-content-fn-1 goes nowhere/,
    ],
    [
      'a meta refresh',
      '<meta http-equiv="refresh" content="0;url=http://x/">',
      /http-equiv="refresh"/,
    ],
  ];
  for (const [name, body, reason] of refused) {
    it(`refuses ${name}`, () => {
      const found = problems(body);
      assert.ok(
        found.some((line) => reason.test(line)),
        `${reason} not in:\n${found.join('\n')}`,
      );
      assert.ok(found.every((line) => line.startsWith('1 The public export was refused: ')));
    });
  }

  describe('exempt text', () => {
    const exempt: ExemptText[] = [
      {
        line: 9,
        text: '## Case details\n\nThe **Smith** family moved to _Leeds_ in March.\nSee [the file](http://intranet/x) :value{id=OP1} for the outcome of the review.',
      },
    ];

    it('finds exempt text however the output formats it', () => {
      for (const leaked of [
        '<p>The Smith family moved to Leeds in March.</p>',
        '<p>The <strong>Sm</strong>ith   family\nmoved to <em>Leeds</em> in March.</p>',
        '<ul><li>THE SMITH FAMILY MOVED TO LEEDS IN MARCH</li></ul>',
        '<p title="The Smith family moved to Leeds in March.">x</p>',
        '<table><tr><td>for the outcome</td><td>of the review.</td></tr></table>',
      ]) {
        const found = problems(leaked, exempt);
        assert.ok(
          found.some((line) => /^(11|12) .*text from the exempt block is in it/.test(line)),
          `${leaked}: ${found.join('\n')}`,
        );
      }
    });

    it('is not tripped by an ordinary heading, a short phrase or text the public part also says', () => {
      assert.deepEqual(problems('<h2>Case details</h2><p>Leeds in March.</p>', exempt), []);
      assert.deepEqual(
        problems(
          '<p>The Smith family moved to Leeds in March.</p>',
          exempt,
          'Public part: The Smith family moved to Leeds in March.',
        ),
        [],
      );
    });
  });
});

describe('the public gate in the engine', function () {
  this.timeout(60_000);
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'scorecard-gate-'));
    writeFileSync(
      join(folder, 'data.yaml'),
      'indicators:\n  - { id: OP1, title: One, unit: count, polarity: none, counting_unit: children, values: [{ period: 2023/24 Q4, value: 42 }] }\n',
    );
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('finds nothing in the sample reports and the attack corpus', async () => {
    const dfe = process.env['SCORECARD_DFE_DIR'] ?? join(REPO, '..', 'shared', 'data', 'dfe');
    const engine = createEngine({
      allowedRoots: [dfe],
      host: createNodeHost({ dfeDataFolder: dfe }),
    });
    for (const file of [
      'samples/children-in-care-q4-2023-24.md',
      'samples/dfe/haringey-published-statistics.md',
      'test/security/corpus/attacks.md',
    ]) {
      const path = join(REPO, file);
      const result = await engine.render(readFileSync(path, 'utf8'), {
        path,
        mode: 'public',
        allowSmallNumbers: true,
        allowExemptAsPublic: true,
      });
      assert.deepEqual(
        result.messages.filter((m) => m.ruleId === 'public-gate').map((m) => m.reason),
        [],
        file,
      );
    }
  });

  it('refuses, and the CLI writes nothing, when exempt text is in the finished document', async () => {
    // The pipeline did its job (the block is removed), but the card's title, from the
    // data, repeats the exempt sentence word for word: the gate cannot tell, so it refuses.
    writeFileSync(
      join(folder, 'named.yaml'),
      'indicators:\n  - { id: OP9, title: Placement of the Smith children with their aunt, unit: count, polarity: none, counting_unit: children, values: [{ period: 2023/24 Q4, value: 42 }] }\n',
    );
    const report = join(folder, 'named.md');
    writeFileSync(
      report,
      '---\ntitle: Named\nperiod: 2023/24 Q4\ndata: named.yaml\n---\n\n::indicator{id=OP9}\n\n:::exempt\nPlacement of the Smith children with their aunt.\n:::\n',
    );
    const result = await createEngine().render(readFileSync(report, 'utf8'), {
      path: report,
      mode: 'public',
    });
    assert.equal(result.refused, true);
    const gate = result.messages.filter((m) => m.ruleId === 'public-gate');
    assert.equal(gate.length, 1);
    assert.equal(gate[0]?.line, 10);
    assert.match(
      gate[0]?.reason ?? '',
      /text from the exempt block is in it: “Placement of the Smith/,
    );
    assert.doesNotMatch(result.html, /Smith/);
    const lines: string[] = [];
    const io = { out: (t: string) => lines.push(t), err: (t: string) => lines.push(t) };
    assert.equal(await runCli(['export', report], io), 1);
    assert.match(
      lines.join('\n'),
      /named\.md:10:1 error The public export was refused: text from the exempt block/,
    );
    assert.equal(existsSync(join(folder, 'named.html')), false);
    // The exempt export is not gated: it is meant to hold everything.
    assert.equal(await runCli(['export', report, '--exempt'], io), 0, lines.join('\n'));
  });

  it('drops data-line and external link targets from public exports only', async () => {
    const path = join(folder, 'report.md');
    const text =
      '---\ntitle: Links\ndata: data.yaml\n---\n\nSee [the DfE release](https://explore-education-statistics.service.gov.uk/x) and <https://example.org>.\n\n<p data-line="3">Author HTML.</p>\n';
    const published = await createEngine().render(text, { path, mode: 'public' });
    assert.equal(published.refused, false, JSON.stringify(published.messages));
    assert.doesNotMatch(published.html, /data-line|href="http/);
    assert.match(
      published.body,
      /the DfE release \(https:\/\/explore-education-statistics\.service\.gov\.uk\/x\)/,
    );
    assert.match(published.body, />https:\/\/example\.org</);
    const preview = await createEngine().render(text, { path, mode: 'preview' });
    assert.match(preview.body, /data-line="5"/);
    assert.match(preview.body, /href="https:\/\/explore-education-statistics/);
  });
});
