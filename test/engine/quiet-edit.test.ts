import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fenceProblems, parsedFences, scanFences } from '../../src/engine/report/exempt-scan.js';
import { frontMatterLookalikes } from '../../src/engine/report/front-matter-lookalike.js';
import { splitBlocks } from '../../src/engine/report/incremental-parse.js';
import { longBlockProblem } from '../../src/engine/report/input-limits.js';
import { lineEdit, quietEdit } from '../../src/engine/report/quiet-edit.js';
import { parseReport } from '../../src/engine/report/parse-report.js';
import { workProblem } from '../../src/engine/report/work-limits.js';

/**
 * A quiet edit keeps the door checks' answers from the last keystroke (engine/index.ts,
 * `reusedDoor`): if one were kept wrongly, an exempt fence, a classification look-alike or
 * a work limit could go unseen in the preview. So every answer is worked out again here,
 * on texts built from the lines those checks read, and must be the one kept.
 */

/** Lines each door check reads something in, and lines of narrative to type into. */
const LINES = [
  '',
  '',
  'Performance stood at :value{id=OP148} against a target of :target{id=OP148}.',
  'See [the plan](https://example.org/plan) and [the note] here, with a_b and c_ d_e.',
  'A plain line of narrative about the locality teams and their caseloads.',
  'Status: public',
  'Classificaton: exempt',
  'title: Quarterly report',
  'Data = figures here',
  'meeting: panel',
  ':::exempt',
  ':::indicator{id=OP148}',
  '::: exempt',
  ':::',
  '- :::note',
  '- a list item with words',
  '> a quoted line of words',
  '1. an ordered item',
  '# A heading of words',
  '| Indicator | Value |',
  '|---|---|',
  '| Children in care | :value{id=OP148} |',
  'A <b>bold</b> word and <!-- a comment --> here',
  '<script>',
  '```',
  '~~~',
  'Some `code` and ~strike~ words',
  '\u2014a\u2014\u2014 dashes',
  '\u2014\u2014\u2014',
  'An escaped a\\*b star and text',
  '[a]: https://example.org',
  'A footnote [^1] reference here',
  '[^1]: the note',
  'Text with data-line here',
  'Emphasis *here* and **there** in words',
  // Marks one plain character apart, which a removal joins: `]:`, `[^`, runs of three.
  '[a]x: https://example.org',
  'A [x^1] and [^x] here',
  'Word_x_ and x_y here',
  'Words ~a~~ here',
  'Words `a`` here',
  'Words ::a:exempt here',
  'Escaped \\x* here',
  // Openers: typing in a card's id or title keeps them openers; text after them does not.
  // A leaf directive, or a paragraph once text follows it: the line after reads otherwise.
  '::chart{id=OP148 periods=8}',
  '::chart{id=OP148}x',
  '> ::chart{id=OP148} more',
  ':::indicator{id=OP148 title="A card of words"}',
  '::::scorecard{ids="OP148 OP660"}',
  ':::note',
  ':::indicator{id=OP148} and words',
  ':::indicator{id="OP148}',
  ':::exempt{reason="a named person"}',
  ':::Exempt',
  ':::exemption{x}',
  '    :::indicator{id=OP148}',
  // HTML whose meaning a typed letter changes.
  '<script type=x',
  'An <em class=x here',
];

const PLAIN = [...'abcXYZ019 ,.;\'"?!()/%£$€@+-'];

const text = fc
  .tuple(fc.boolean(), fc.array(fc.constantFrom(...LINES), { minLength: 2, maxLength: 6 }))
  .map(([frontMatter, lines]) =>
    (frontMatter ? ['---', 'title: A report', 'classification: public', '---', ''] : [])
      .concat(lines)
      .join('\n'),
  );

/**
 * Everything the door keeps, worked out from the text alone. Where the parser's containers
 * and the scan's fences disagree needs a parse, which costs: only for an edit in a line
 * with a directive's `::`, where typing can change what the parser makes of the line and
 * of the lines after it.
 */
function doorAnswers(source: string, fenced: boolean) {
  const lines = source.split('\n');
  const close = lines[0] === '---' ? lines.indexOf('---', 1) : -1;
  const readLines = close === -1 ? undefined : { first: 1, last: close + 1 };
  return {
    long: longBlockProblem(source, 'report.md', 6),
    work: workProblem(source, 'report.md'),
    lookalikes: frontMatterLookalikes(source, 'report.md', readLines),
    fences: scanFences(source),
    blockLines: splitBlocks(source)?.map((block) => block.line),
    fenceProblems: fenced
      ? fenceProblems(
          scanFences(source),
          parsedFences([{ tree: parseReport(source), line: 1 }]),
          source,
          'report.md',
        )
      : [],
  };
}

/**
 * Whether the engine keeps the door for this edit (`reusedDoor` in engine/index.ts): it is
 * quiet, and the text is cut into blocks, the edit past the first (a text that cannot be
 * cut, or an edit in its first block, is read whole whatever the edit).
 */
function kept(before: string, after: string): boolean {
  if (!quietEdit(before, after, lineEdit(before, after))) return false;
  const blocks = splitBlocks(before);
  const start = lineEdit(before, after).start;
  return blocks !== undefined && blocks.length >= 2 && (blocks[1]?.offset ?? Infinity) <= start;
}

describe('a quiet edit keeps every door answer', () => {
  it('gives, wherever the door is kept, the answers a whole reading gives', () => {
    let quiet = 0;
    fc.assert(
      fc.property(
        text,
        fc.boolean(),
        fc.nat(),
        fc.nat({ max: 2 }),
        fc.array(fc.constantFrom(...PLAIN), { maxLength: 2 }).map((chars) => chars.join('')),
        (before, nearMark, at, removed, inserted) => {
          // Half the edits just before or after a mark, where pairs are made and broken.
          const marks = [...before.matchAll(/[^\p{L}\p{N} \n]/gu)].flatMap((mark) => [
            mark.index,
            mark.index + 1,
          ]);
          const start =
            nearMark && marks.length > 0
              ? (marks[at % marks.length] ?? 0)
              : at % (before.length + 1);
          const after = before.slice(0, start) + inserted + before.slice(start + removed);
          if (!kept(before, after)) return;
          quiet++;
          const line = before.slice(before.lastIndexOf('\n', start - 1) + 1).split('\n')[0];
          const fenced = line?.includes('::') === true;
          assert.deepEqual(doorAnswers(after, fenced), doorAnswers(before, fenced));
        },
      ),
      { numRuns: 10_000 },
    );
    // The property is worth something only if many edits were quiet.
    assert.ok(quiet > 500, `only ${quiet} quiet edits`);
  });

  it('gives them after every small edit of every line, in every place a line can stand', () => {
    const places = [
      (line: string) => `Intro\n\n${line}\n\nMore words\n`,
      (line: string) => `---\ntitle: A report\n---\n\nIntro\n\n${line}\n`,
      (line: string) => `\n\n${line}\n`,
      (line: string) => `Intro\n\n| a | b |\n|---|---|\n${line}\n`,
      (line: string) => `Intro\n\n:::exempt\n${line}\n:::\n`,
      (line: string) => `Intro\n\n${line}\nWords in a card\n:::\n\nMore words\n`,
      (line: string) => `::::scorecard{ids=A}\n:::indicator{id=A}\n${line}\n:::\n::::\n`,
      (line: string) => `Intro\n\n:::note\n${line}\n    :::\n:::\n`,
      (line: string) => `Intro\n\n\`\`\`\n${line}\n\`\`\`\n`,
      (line: string) => `Intro\n\n- item\n${line}\n`,
    ];
    let quiet = 0;
    for (const place of places) {
      for (const line of LINES) {
        const before = place(line);
        const fenced = line.includes('::');
        const answers = doorAnswers(before, fenced);
        const from = before.indexOf(line);
        for (let start = from; start <= from + line.length; start++) {
          for (let removed = 0; removed <= 2; removed++) {
            for (const inserted of ['', 'a', ' ', '-']) {
              const after = before.slice(0, start) + inserted + before.slice(start + removed);
              if (!kept(before, after)) continue;
              quiet++;
              assert.deepEqual(doorAnswers(after, fenced), answers, JSON.stringify(after));
            }
          }
        }
      }
    }
    assert.ok(quiet > 10_000, `only ${quiet} quiet edits`);
  });

  it('keeps typing in lines with inline figures, links, table cells and directives', () => {
    for (const line of [
      'Performance stood at :value{id=OP148} against a target here.',
      'See [the plan](https://example.org) here.',
      '| Children in care | :value{id=OP148} | here |',
      'Status: public and more here',
      ':::indicator{id=OP148 title="A card here"}',
      '::chart{id=OP148 title="A chart here"}',
    ]) {
      const before = `Intro\n\n${line}\n`;
      for (const after of [
        before.replace('here', 'there'),
        before.replace('here', 'her'),
        before.replace('here', 'here and more'),
      ]) {
        assert.equal(quietEdit(before, after, lineEdit(before, after)), true, after);
      }
    }
  });

  it('reads the whole text again when the typing touches a mark', () => {
    const cases: Array<readonly [string, string]> = [
      // Beside a bracket, an underscore or an escape.
      ['A [label]: here.', 'A [label]x: here.'],
      ['A word_ here.', 'A word_a here.'],
      ['A [label] here.', 'A [label]x here.'],
      ['A \\* here.', 'A \\x* here.'],
      // A line the fence scan, the HTML checks or the look-alikes read.
      [':::exempt here', ':::exempt there'],
      ['A <b>bold</b> line here.', 'A <b>bold</b> line there.'],
      [':::indicator{id=OP148}', ':::indicator{id=OP148} x'],
      [':::exempt{reason="here"}', ':::exempt{reason="there"}'],
      ['Status: public here', 'Status: public'],
      ['title: here', 'title: there'],
      ['\u2014a\u2014\u2014', '\u2014\u2014\u2014'],
      ['data-line="3" here', 'data-line="3" there'],
    ];
    for (const [line, edited] of cases) {
      const before = `Intro\n\n${line}\n`;
      const after = `Intro\n\n${edited}\n`;
      assert.equal(quietEdit(before, after, lineEdit(before, after)), false, edited);
    }
  });
});
