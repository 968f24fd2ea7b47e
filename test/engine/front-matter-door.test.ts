import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/engine/index.js';

/**
 * Front matter that is not read is worse than none: `classification: exempt` becomes a
 * heading or a paragraph and the whole report is published. Each careless way of writing
 * it is an error, and the public export is refused with none of the report in it.
 */
const DATA = `indicators:
  - { id: OP1, title: One, unit: count, polarity: none, counting_unit: children, values: [{ period: 2023/24 Q4, value: 42 }] }
`;
const BODY = '\nSecretive paragraph about the Smith family.\n';

describe('front matter fails closed', function () {
  this.timeout(60_000);
  let folder: string;
  let path: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'scorecard-front-'));
    path = join(folder, 'report.md');
    writeFileSync(join(folder, 'data.yaml'), DATA);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  async function publicExport(text: string) {
    const result = await createEngine().render(text, { path, mode: 'public' });
    assert.equal(result.refused, true, `not refused:\n${text}`);
    assert.doesNotMatch(result.html, /Smith family/, `published:\n${text}`);
    return result.messages
      .filter((m) => m.ruleId === 'front-matter-invalid' && m.severity === 'error')
      .map((m) => `${m.line}:${m.column} ${m.reason}`);
  }

  it('a misspelt or capitalised key at the margin is one unknown-key error, nothing more', async () => {
    for (const key of ['Classification', 'clasification']) {
      const messages = await publicExport(`---\ndata: data.yaml\n${key}: exempt\n---\n${BODY}`);
      assert.deepEqual(messages, [
        `3:1 Unknown front matter key \`${key}\`, did you mean \`classification\`?`,
      ]);
    }
  });

  const cases: Array<[string, string, RegExp]> = [
    [
      'a blank line before ---',
      '\n---\ndata: data.yaml\nclassification: exempt\n---\n',
      /^2:1 Front matter must start on the first line/,
    ],
    [
      'two blank lines and spaces',
      '  \n\n---\ndata: data.yaml\nclassification: exempt\n---\n',
      /^3:1 Front matter must start on the first line/,
    ],
    [
      '----',
      '----\ndata: data.yaml\nclassification: exempt\n----\n',
      /^1:1 Front matter opens with exactly `---`, not `----`/,
    ],
    [
      'an indented ---',
      ' ---\ndata: data.yaml\nclassification: exempt\n---\n',
      /^1:2 Front matter opens with `---` at the start/,
    ],
    [
      'a ... closer',
      '---\ndata: data.yaml\nclassification: exempt\n...\n',
      /^1:1 This front matter is not closed/,
    ],
    [
      'never closed',
      '---\ndata: data.yaml\nclassification: exempt\n',
      /^1:1 This front matter is not closed/,
    ],
    [
      '+++ (TOML)',
      '+++\ndata = "data.yaml"\nclassification = "exempt"\n+++\n',
      /^1:1 Front matter opens with exactly `---`, not `\+\+\+`/,
    ],
    [
      'a Word dash',
      '\u2014\u2014\u2014\ndata: data.yaml\nclassification: exempt\n\u2014\u2014\u2014\n',
      /^1:1 Front matter opens with exactly `---`/,
    ],
    [
      'a zero-width space before ---',
      '\u200b---\ndata: data.yaml\nclassification: exempt\n---\n',
      /^1:1 Front matter opens/,
    ],
    [
      'no fences at all',
      'data: data.yaml\nclassification: exempt\n',
      /^1:1 This looks like front matter but is not fenced/,
    ],
    [
      'no opening fence (a setext heading)',
      'data: data.yaml\nclassification: exempt\n---\n',
      /^1:1 This looks like front matter/,
    ],
    [
      'a misspelt key',
      '---\ndata: data.yaml\nclasification: exempt\n---\n',
      /^3:1 Unknown front matter key `clasification`, did you mean `classification`\?/,
    ],
    [
      'a capitalised key',
      '---\ndata: data.yaml\nClassification: exempt\n---\n',
      /^3:1 Unknown front matter key `Classification`, did you mean `classification`\?/,
    ],
    [
      'a dropped letter',
      '---\ndata: data.yaml\nclassificaton: exempt\n---\n',
      /^3:1 Unknown front matter key `classificaton`, did you mean `classification`\?/,
    ],
    [
      'an unknown value',
      '---\ndata: data.yaml\nclassification: part b\n---\n',
      /^3:17 classification must be `public` or `exempt`, not `part b`/,
    ],
    [
      'an empty value',
      '---\ndata: data.yaml\nclassification:\n---\n',
      /^3:\d+ `classification` must be a single value/,
    ],
    [
      'a list',
      '---\ndata: data.yaml\nclassification: [exempt]\n---\n',
      /^3:\d+ `classification` must be a single value/,
    ],
    [
      'twice',
      '---\ndata: data.yaml\nclassification: exempt\nclassification: public\n---\n',
      /not valid YAML/,
    ],
    [
      'a second front matter further down',
      '---\ndata: data.yaml\n---\n\n---\nclassification: exempt\n---\n',
      /^6:1 A classification outside the front matter is not read/,
    ],
    [
      'a classification folded into the title',
      '---\ndata: data.yaml\ntitle: >\n  Report\n  classification: exempt\n---\n',
      /^5:3 This classification line is read as part of the value above it/,
    ],
    [
      'a classification inside a quoted title',
      '---\ndata: data.yaml\ntitle: "Report\n  classification: exempt"\n---\n',
      /^4:3 This classification line is read as part of the value above it/,
    ],
    [
      'a classification line in the body',
      '---\ndata: data.yaml\n---\n\nClassification: Exempt\n',
      /^5:1 A classification outside the front matter/,
    ],
  ];
  for (const [name, head, expected] of cases) {
    it(`refuses front matter with ${name}`, async () => {
      const found = await publicExport(head + BODY);
      assert.ok(
        found.some((line) => expected.test(line)),
        `${expected} not among:\n${found.join('\n')}`,
      );
    });
  }

  it('reads classification in any case, and well-formed front matter raises nothing', async () => {
    for (const value of ['exempt', 'Exempt', 'EXEMPT', '"exempt"']) {
      const result = await createEngine().render(
        `---\ndata: data.yaml\nclassification: ${value}\n---\n${BODY}`,
        { path, mode: 'public' },
      );
      assert.equal(result.refused, true);
      assert.deepEqual(
        result.messages.map((m) => m.ruleId),
        ['exempt-in-public'],
      );
    }
    for (const text of [
      `---\ndata: data.yaml\nclassification: PUBLIC\n---\n${BODY}`,
      `\uFEFF---\r\ndata: data.yaml\r\nclassification: public\r\n---\r\n${BODY}`,
      `---\ndata: data.yaml\n---\n\nThe data: as published.\n\nA paragraph\n---\n\nStatus: on track\n`,
    ]) {
      const result = await createEngine().render(text, { path, mode: 'public' });
      assert.deepEqual(result.messages, [], text);
      assert.equal(result.refused, false);
    }
  });

  it('puts the nearest key in the message and as a suggestion, with the key as its range', async () => {
    const messages = await createEngine().check('---\ndata: data.yaml\nmeating: Panel\n---\n', {
      path,
      mode: 'preview',
    });
    const message = messages.find((m) => m.ruleId === 'front-matter-invalid');
    assert.ok(message);
    assert.deepEqual(message.suggestions, ['meeting']);
    assert.deepEqual(
      [message.line, message.column, message.endLine, message.endColumn],
      [3, 1, 3, 8],
    );
  });
});
