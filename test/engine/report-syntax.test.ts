import assert from 'node:assert/strict';
import { findAttributeSyntax } from '../../src/engine/directives/attribute-syntax.js';
import { createEngine } from '../../src/engine/index.js';
import { readFrontMatter } from '../../src/engine/report/front-matter.js';

describe('attribute-syntax detection', () => {
  it('finds angle and round brackets on known directives and offers braces', () => {
    const hits = findAttributeSyntax(
      ':::indicator<id=OP148>\ntext :value(id=OP660, period=2023/24) and :chart[Title](id=X)',
    );
    assert.deepEqual(
      hits.map((hit) => [hit.offset, hit.written, hit.replacement]),
      [
        [0, ':::indicator<id=OP148>', ':::indicator{id=OP148}'],
        [28, ':value(id=OP660, period=2023/24)', ':value{id=OP660 period=2023/24}'],
        [65, ':chart[Title](id=X)', ':chart[Title]{id=X}'],
      ],
    );
  });

  it('leaves ordinary text alone: times, unknown names, brackets without attributes', () => {
    assert.deepEqual(
      findAttributeSyntax('at 10:30(am), Note:value (see below), re:target<b>, a::b'),
      [],
    );
  });
});

describe('directives whose braces remark cannot read', () => {
  const check = async (body: string) => {
    // The title is text to the directives: a directive-like run in it is no directive.
    const text = `---\ntitle: T see :value{id=A1 x="a\\"b"}\nperiod: 2023/24\n---\n\n${body}\n`;
    const messages = await createEngine().check(text, { path: '/r/report.md', mode: 'public' });
    return messages
      .filter((message) => message.ruleId === 'attribute-syntax')
      .map((message) => [message.line, message.column, message.reason.slice(0, 18)]);
  };

  it('says so at the directive, whatever its form, instead of showing it as text unremarked', async () => {
    const found = await check(
      [
        'A :value{id=A1 category="Said \\"no\\", twice"} b.',
        '',
        '::breakdown{id=A1 title="a \\"b\\" c"}',
        '',
        ':::indicator{id=A1 title="x\\"y"}',
        'Text',
        ':::',
        '',
        'See :value {id=A1} and ::chart{id=A1} here.',
      ].join('\n'),
    );
    assert.deepEqual(found, [
      [6, 3, 'The attributes of '],
      [8, 1, 'The attributes of '],
      [10, 1, 'The attributes of '],
      [14, 5, 'Write :value{ with'],
      [14, 24, '::chart is a block'],
    ]);
  });

  it('leaves directives remark read, code, front matter and exempt blocks alone', async () => {
    const found = await check(
      [
        'A :value{id=A1 title=\'Said "no"\'} b, `:value{id=A1 x="}` and :rag{id=A1}.',
        '',
        '::chart{id=A1}',
        '',
        '```',
        '::breakdown{id=A1 title="a \\"b"}',
        '```',
        '',
        ':::exempt',
        '```',
        ':value{id=A1 title="in code, in an exempt block: \\"b"}',
        '```',
        '> ::indicator{id=A1}',
        '- :::indicator{id=A1}',
        '  text',
        '  :::',
        ':::',
      ].join('\n'),
    );
    assert.deepEqual(found, []);
  });

  it('takes a directive escaped with a backslash as the text the author meant', async () => {
    const text = [
      'To show a figure, write \\:value{id=A1} in your report, or \\::chart{id=A1}.',
      '',
      'A sketch \\:value(id=A1) too.',
    ].join('\n');
    assert.deepEqual(await check(text), []);
    // Two backslashes are one shown, and the directive after them is read.
    assert.deepEqual(await check('Shown \\\\:value{id=A1 x="a\\"b"} here.'), [
      [6, 9, 'The attributes of '],
    ]);
  });
});

describe('front matter', () => {
  it('reads every key with the report line it is on', () => {
    const { frontMatter, messages } = readFrontMatter(
      'title: Report\nmeeting: Panel\nperiod: 2023/24 Q4\ndata:\n  - a.yaml\n  - b.csv\nclassification: exempt',
      '/r.md',
      2,
    );
    assert.deepEqual(messages, []);
    assert.equal(frontMatter.title?.value, 'Report');
    assert.deepEqual(frontMatter.period?.place, { file: '/r.md', line: 4, column: 9 });
    assert.deepEqual(
      frontMatter.data.map((d) => [d.value, d.place.line, d.place.column]),
      [
        ['a.yaml', 6, 5],
        ['b.csv', 7, 5],
      ],
    );
    assert.equal(frontMatter.classification.value, 'exempt');
  });

  it('reports bad YAML, a bad classification and unknown keys at their place', () => {
    const bad = readFrontMatter('title: [unclosed', '/r.md', 2);
    assert.equal(bad.messages[0]?.ruleId, 'front-matter-invalid');
    const wrong = readFrontMatter('classification: secret\ncolour: red', '/r.md', 2);
    assert.deepEqual(
      wrong.messages.map((m) => [m.ruleId, m.severity, m.line]),
      [
        ['front-matter-invalid', 'error', 2],
        ['front-matter-invalid', 'error', 3],
      ],
    );
    // A classification that cannot be read is taken as the stricter one.
    assert.equal(wrong.frontMatter.classification.value, 'exempt');
  });
});
