import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { PLAIN_OPENING } from '../src/engine/report/container-opening.js';
import { IncrementalParser, splitBlocks } from '../src/engine/report/incremental-parse.js';
import { parseReport } from '../src/engine/report/parse-report.js';

const sample = readFileSync(
  new URL('../samples/children-in-care-q4-2023-24.md', import.meta.url),
  'utf8',
);

/** Blocks a report is made of, including the awkward ones: lists, fences, nesting, HTML. */
const BLOCKS = [
  '## Care leavers',
  'Care leavers in education stood at :value{id=OP148}\nagainst a target of :target{id=OP148}.',
  ':::indicator{id=OP148}\nNarrative with :rag{id=OP148}.\n\nA second paragraph.\n:::',
  '::chart{id=OP148 periods=8 benchmarks="England,London"}',
  '::::exempt\n:::indicator{id=OP1}\ninner\n:::\n\nstill exempt\n::::',
  ':::exempt\n```\ncode\n:::\n\nafter',
  '- one\n- two\n\n- three, loose',
  '1. first\n2. second',
  '- item\n\n  continued in the item',
  '```js\nconst a = 1;\n\nconst b = 2;\n```',
  '~~~\nunclosed tilde fence\n\nstill code',
  '| a | b |\n|---|---|\n| 1 | 2 |',
  '> quoted\n> more\n\n> another quote',
  '    indented code\n\n    more code',
  '<div>\nraw html\n</div>',
  '<!-- a comment -->',
  '<!--\nmulti-line comment\n\nwith blank -->',
  '***',
  'Setext\n===',
  'lazy\n> quote\ncontinuation',
  ':::',
  '::::',
  'text :::not a container',
  '[link][ref] and [ref]: /url',
  'Footnote[^1].\n\n[^1]: The note.',
  'Tab\tseparated\ttext',
  '```\nfenced `with` backticks\n```',
  '``` info`bad\nnot a fence',
  'Windows line\r\nending',
  '',
  '   ',
  ':::a\n:::b\n:::\n```\n:::\n\nx\n```',
  ':::note text after\n```\n:::\n\ny',
  ':::note{bad\n```\n:::',
  '<div>\n```\n\nx',
  '<3 love\n```\ncode',
  '| a |\n|---|\n:::note\n```\n:::',
  '| a |\n|---|\n```\n:::',
  '- item\n:::note\nin note\n:::',
  '- item\n```\ncode\n```',
  '> quote\n:::note\n```\n:::',
  '*emphasis* and **strong** and ~~struck~~ https://example.org',
];
const FRONT = '---\ntitle: A report\nperiod: 2023/24 Q4\n---\n';

const documents = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.constantFrom(...BLOCKS), { maxLength: 12 }),
    fc.array(fc.constantFrom('\n\n', '\n', '\n\n\n', '\n \n'), { minLength: 12, maxLength: 12 }),
  )
  .map(
    ([front, blocks, gaps]) =>
      (front ? FRONT : '') + blocks.map((block, i) => block + (gaps[i] ?? '\n')).join(''),
  );

/** A random edit: insert, delete or replace a few characters somewhere. */
function edit(text: string, at: number, remove: number, insert: string): string {
  const start = Math.min(at, text.length);
  return text.slice(0, start) + insert + text.slice(start + remove);
}

describe('incremental parse', () => {
  it('gives the same tree as a full parse for the sample report', () => {
    const parser = new IncrementalParser();
    assert.deepEqual(parser.parse(sample), parseReport(sample));
    assert.equal(parser.lastStats.whole, false);
    assert.ok(parser.lastStats.parsed > 10, 'the sample is cut into many blocks');
  });

  it('re-parses only the block an edit touched', () => {
    const parser = new IncrementalParser();
    parser.parse(sample);
    const edited = sample.replace('weekly drop-ins', 'weekly drop-in sessions');
    assert.deepEqual(parser.parse(edited), parseReport(edited));
    assert.equal(parser.lastStats.parsed, 1);
    assert.ok(parser.lastStats.reused > 10);
  });

  it('keeps every block but the edited one, and every block for the same text', () => {
    const parser = new IncrementalParser();
    const before = parser.parseBlocks(sample)?.items();
    assert.ok(before);
    for (const block of before) block.pristine();
    const again = parser.parseBlocks(sample)?.items();
    assert.ok(again);
    again.forEach((block, i) => assert.equal(block, before[i]));
    // Typed in one block: the blocks after it move, and stay the same objects; the tree
    // built from them has every position where the full parse puts it.
    for (const typed of [
      (text: string) => text.replace('weekly drop-ins', 'xweekly drop-ins'),
      // Space on a blank line: no block's text changes but the one it ends.
      (text: string) => {
        const blank = text.indexOf('\n\n', text.indexOf('weekly drop-ins')) + 1;
        return `${text.slice(0, blank)} ${text.slice(blank)}`;
      },
    ]) {
      parser.parseBlocks(sample);
      const text = typed(sample);
      const edited = parser.parseBlocks(text)?.items();
      assert.ok(edited);
      const changed: number[] = [];
      edited.forEach((block, i) => {
        if (block !== before[i]) changed.push(i);
      });
      assert.equal(changed.length, 1);
      const index = changed[0]!;
      assert.notEqual(edited[index]?.text, before[index]?.text);
      assert.deepEqual(
        edited.map(({ line, text: blockText }) => ({ line, text: blockText })),
        new IncrementalParser()
          .parseBlocks(text)
          ?.items()
          .map(({ line, text: t }) => ({ line, text: t })),
      );
      assert.deepEqual(parser.parse(text), parseReport(text));
    }
    parser.parseBlocks(sample);
    const at = sample.indexOf('weekly drop-ins');
    const edited = parser.parseBlocks(`${sample.slice(0, at)}x${sample.slice(at)}`);
    assert.ok(edited);
    for (const block of edited) block.pristine();
    assert.deepEqual(parser.lastStats, { parsed: 1, reused: edited.length - 1, whole: false });
    // The edited block's old text was let go: typing it back parses it again.
    for (const block of parser.parseBlocks(sample) ?? []) block.pristine();
    assert.equal(parser.lastStats.parsed, 1);
    assert.deepEqual(parser.parse(sample), parseReport(sample));
  });

  it('keeps the parse of a text another block still has when one copy is edited', () => {
    const text = 'Intro\n\nSame paragraph.\n\nSame paragraph.\n\nEnd.\n';
    const parser = new IncrementalParser();
    const parseAll = (source: string) => {
      for (const block of parser.parseBlocks(source) ?? []) block.pristine();
    };
    parseAll(text);
    parseAll(text.replace('Same paragraph.\n\nEnd', 'Same paragraphs.\n\nEnd'));
    assert.equal(parser.lastStats.parsed, 1);
    // The first copy still stands: typing the second one back needs no parse.
    parseAll(text);
    assert.equal(parser.lastStats.parsed, 0);
    assert.deepEqual(parser.parse(text), parseReport(text));
  });

  it('returns trees the caller may change without touching its memory', () => {
    const parser = new IncrementalParser();
    const first = parser.parse(sample);
    first.children.length = 0;
    assert.deepEqual(parser.parse(sample), parseReport(sample));
    assert.equal(parser.lastStats.parsed, 0);
  });

  it('keeps a container, its nested container and a fence inside it in one block', () => {
    const text = '::::exempt\n:::indicator{id=OP1}\n\nx\n:::\n\ny\n::::\n\nafter\n';
    assert.deepEqual(
      splitBlocks(text)?.map((block) => block.line),
      [1, 10],
    );
    const fenced = ':::exempt\n```\n\ncode\n```\n\nz\n:::\n\nafter\n';
    assert.deepEqual(
      splitBlocks(fenced)?.map((block) => block.line),
      [1, 10],
    );
  });

  it('does not cut before a list item, an indented line or inside front matter', () => {
    const text = '---\na: 1\n\nb: 2\n---\n- one\n\n- two\n\n  more\n\nPara\n';
    assert.deepEqual(
      splitBlocks(text)?.map((block) => block.line),
      [1, 6, 12],
    );
  });

  it('equals the full parse for CRLF text, a blank line inside a container included', () => {
    const text = 'Public.\r\n\r\n:::exempt\r\nsecret one\r\n\r\nsecret two\r\n:::\r\n\r\nEnd.\r\n';
    assert.deepEqual(new IncrementalParser().parse(text), parseReport(text));
    assert.equal(splitBlocks(text), undefined);
  });

  it('parses the whole text when blocks could depend on each other', () => {
    for (const text of [
      'See [ref].\n\n[ref]: https://example.org\n',
      'Note[^1].\n\n[^1]: text\n',
      '<!--\n\nhidden\n-->\n\nPara\n',
      '- item\n  ```\n\n  code\n  ```\n',
      // Found by the random edits below: a container opened inside a list item.
      '- :::item\n\n  continued in the item\n\n## Care leavers\n\n',
      '---\nunclosed front matter\n',
    ]) {
      assert.equal(splitBlocks(text), undefined, text);
      const parser = new IncrementalParser();
      assert.deepEqual(parser.parse(text), parseReport(text));
      assert.equal(parser.lastStats.whole, true);
    }
  });

  it('equals the full parse for random documents and random edits (positions included)', () => {
    fc.assert(
      fc.property(
        documents,
        fc.nat(),
        fc.nat({ max: 6 }),
        fc.constantFrom('', 'x', '\n', '\n\n', ':::', '```', '- ', '> ', ' ', ':value{id=A}', '#'),
        (text, at, remove, insert) => {
          const parser = new IncrementalParser();
          assert.deepEqual(parser.parse(text), parseReport(text));
          const changed = edit(text, at % (text.length + 1), remove, insert);
          assert.deepEqual(parser.parse(changed), parseReport(changed));
        },
      ),
      { numRuns: 1500 },
    );
  });
});

describe('container openings answered without parsing', () => {
  const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);
  const opensAlone = (line: string) =>
    parser.parse(line).children[0]?.type === 'containerDirective';

  it('answers for the lines reports are written with', () => {
    // Not vacuous: the lines officers write take the quick answer.
    for (const line of [
      ':::indicator{id=OP148}',
      ':::exempt',
      '::::scorecard{ids="OP148 OP660" .wide}',
      ':::breakdown{id=CIN-2 by=age period=2023-24}',
      '   :::note{#why}  ',
    ]) {
      assert.ok(PLAIN_OPENING.test(line), line);
      assert.ok(opensAlone(line), line);
    }
  });

  it('gives remark-directive’s answer for every line it answers (differential)', () => {
    const piece = fc.constantFrom(
      ...['id=OP148', 'id="a b"', 'id=""', '.wide', '#x', 'key', 'a=', '=b', "id='x'"],
      ...['x="}"', 'x="{"', '{', '}', '"', 'a="b', 'id=a"b', 'x=1.5', 'x=-', '.1a', '#', 'a_b=1'],
      ...['id=OP148 extra', ' ', '\t', 'a\u00a0b', 'é=1', 'x=a\\b', '[label]'],
    );
    const line = fc
      .tuple(
        fc.constantFrom('', ' ', '   ', '    ', '\t'),
        fc.constantFrom('::', ':::', '::::', ':::::'),
        fc.constantFrom('indicator', 'a', 'a-', 'a_b', 'a-b', '1a', 'exempt', 'é', 'A9'),
        fc.option(fc.array(piece, { maxLength: 4 }), { nil: undefined }),
        fc.constantFrom('', ' ', '\t', ' x', '}', ':::'),
      )
      .map(([indent, colons, name, attributes, tail]) => {
        const braces = attributes === undefined ? '' : `{${attributes.join(' ')}}`;
        return `${indent}${colons}${name}${braces}${tail}`;
      });
    let answered = 0;
    fc.assert(
      fc.property(line, (text) => {
        if (!PLAIN_OPENING.test(text)) return;
        answered++;
        assert.ok(opensAlone(text), JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
    assert.ok(answered > 100, `${answered} lines answered without parsing`);
  });
});
