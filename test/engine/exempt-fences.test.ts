import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEngine } from '../../src/engine/index.js';
import { scanFences } from '../../src/engine/report/exempt-scan.js';

/**
 * Every way an exempt block can be closed early or never opened, as the line scan and
 * the parser disagree: each is an `unmatched-fence` error, and nothing of the block (nor
 * anything after it) reaches the public export.
 */
const DATA = `indicators:
  - { id: OP1, title: One, unit: count, polarity: none, counting_unit: children, values: [{ period: 2023/24 Q4, value: 42 }] }
`;
const HEAD = '---\ntitle: Fences\ndata: data.yaml\n---\n\nPublic opening words.\n\n';
/** The report line of the first line after HEAD. */
const FIRST = 8;

describe('exempt fences fail closed', function () {
  this.timeout(60_000);
  let folder: string;
  let path: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'scorecard-fences-'));
    path = join(folder, 'report.md');
    writeFileSync(join(folder, 'data.yaml'), DATA);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  const refusedCases: Array<[string, string, number, RegExp]> = [
    [
      'a Pandoc fence',
      '::: exempt\nsecret alpha\n:::\n',
      0,
      /Write the exempt block as `:::exempt`/,
    ],
    ['a Pandoc class fence', '::: {.exempt}\nsecret alpha\n:::\n', 0, /Pandoc-style/],
    [
      'a Pandoc class fence without a space',
      ':::{.exempt}\nsecret alpha\n:::\n',
      0,
      /Pandoc-style/,
    ],
    ['a tab after the colons', ':::\texempt\nsecret alpha\n:::\n', 0, /Pandoc-style/],
    [
      'a ::: line in a code fence',
      ':::exempt\nsecret alpha\n```\n:::\n```\nsecret beta\n:::\n',
      6,
      /closes nothing/,
    ],
    [
      'a ::: line in <pre>',
      ':::exempt\n<pre>\n:::\n</pre>\nsecret beta\n:::\n',
      5,
      /closes nothing/,
    ],
    [
      'a ::: line in an HTML comment',
      ':::exempt\nsecret alpha\n<!--\n:::\n-->\nsecret beta\n:::\n',
      6,
      /closes nothing/,
    ],
    [
      'a nested block with as many colons',
      ':::exempt\n:::indicator{id=OP1}\nsecret alpha\n:::\nsecret beta\n:::\n',
      0,
      /ends this exempt block at line 11, not at its `:::` on line 13/,
    ],
    [
      'a nested block with more colons',
      ':::exempt\n::::indicator{id=OP1}\nsecret alpha\n::::\nsecret beta\n:::\n',
      0,
      /ends this exempt block/,
    ],
    ['a label containing ]', ':::exempt[Case A] notes]\nsecret alpha\n:::\n', 0, /label/],
    [
      'an attribute over two lines',
      ':::exempt{reason="names of\nchildren"}\nsecret alpha\n:::\n',
      0,
      /attributes must be on one line/,
    ],
    [
      'a no-break space after the name',
      ':::exempt\u00a0\nsecret alpha\n:::\n',
      0,
      /non-breaking or invisible space/,
    ],
    [
      'a zero-width space after the name',
      ':::exempt\u200b\nsecret alpha\n:::\n',
      0,
      /non-breaking or invisible space/,
    ],
    [
      'a no-break space in the closer',
      ':::exempt\nsecret alpha\n:::\u00a0\nsecret beta\n:::\n',
      4,
      /closes nothing/,
    ],
    ['a block never closed', ':::exempt\nsecret alpha\n', 0, /never closed/],
    [
      'a block commented out',
      '<!--\n:::exempt\nsecret alpha\n:::\n-->\n',
      1,
      /inside an HTML comment, raw HTML or code/,
    ],
    [
      'a zero-width space before the colons',
      '\u200b:::exempt\nsecret alpha\n:::\n',
      0,
      /invisible or no-break space comes before/,
    ],
    [
      'a BOM pasted before the colons',
      '\ufeff:::exempt\nsecret alpha\n:::\n',
      0,
      /invisible or no-break space comes before/,
    ],
    [
      'a no-break space indent',
      '\u00a0:::exempt\nsecret alpha\n:::\n',
      0,
      /invisible or no-break space comes before/,
    ],
    [
      'an opener with text after its name, closed after an exempt block',
      ':::exemptnotes here\n\n:::exempt\nsecret alpha\n:::\nsecret beta\n:::\n',
      6,
      /closes nothing: the line that was meant to open its block was not read/,
    ],
    [
      'a balanced pair of ::: lines in code',
      '```\n:::exempt\nsecret alpha\n:::\n```\n',
      1,
      /inside an HTML comment, raw HTML or code/,
    ],
    ['a stray :::', 'secret alpha\n:::\n', 1, /closes nothing/],
    ['a block in a quote', '> :::exempt\n> secret alpha\n> :::\n', 0, /outside lists, quotes/],
    ['a quote with lazy lines', '> :::exempt\nsecret alpha\n> :::\n', 0, /outside lists, quotes/],
    ['a block in a list item', '- :::exempt\n  secret alpha\n  :::\n', 0, /outside lists, quotes/],
    ['a block in a list item with lazy lines', '- :::exempt\nsecret alpha\n:::\n', 0, /./],
    ['a block indented as code', '    :::exempt\n    secret alpha\n    :::\n', 0, /code/],
    [
      'a block with CRLF and a blank line',
      ':::exempt\r\nsecret alpha\r\n\r\nsecret beta\r\n:::\r\n:::\r\n',
      5,
      /closes nothing/,
    ],
  ];
  for (const [name, block, line, reason] of refusedCases) {
    it(`refuses ${name}`, async () => {
      const text = `${HEAD}${block}\nPublic closing words.\n`;
      const result = await createEngine().render(text, { path, mode: 'public' });
      assert.equal(result.refused, true);
      assert.doesNotMatch(result.html, /secret|Public opening/);
      const fences = result.messages.filter((m) => m.ruleId === 'unmatched-fence');
      assert.ok(
        fences.some(
          (m) => m.line === FIRST + line && m.severity === 'error' && reason.test(m.reason),
        ),
        `expected ${reason} at line ${FIRST + line}, got:\n${result.messages.map((m) => `${m.line} ${m.ruleId} ${m.reason}`).join('\n')}`,
      );
      // The preview and the Problems panel see the same error.
      const checked = await createEngine().check(text, { path, mode: 'preview' });
      assert.ok(checked.some((m) => m.ruleId === 'unmatched-fence' && m.line === FIRST + line));
    });
  }

  it('still refuses after typing elsewhere, and every face reports the fence', async () => {
    // The fence comparison is made once the render has parsed the blocks, and kept while
    // typing leaves the door's other answers as they were.
    const block = ':::exempt\nsecret alpha\n```\n:::\n```\nsecret beta\n:::\n';
    const text = `${HEAD}${block}\nPublic closing words.\n`;
    const engine = createEngine();
    const fenceAt = (messages: ReadonlyArray<{ ruleId: string; line: number }>) =>
      messages.some((m) => m.ruleId === 'unmatched-fence' && m.line === FIRST + 6);
    const first = await engine.render(text, { path, mode: 'public' });
    assert.ok(first.refused && fenceAt(first.messages));
    const typed = text.replace('Public closing words.', 'Public closing words, typed.');
    const second = await engine.render(typed, { path, mode: 'public' });
    assert.equal(second.refused, true);
    assert.ok(fenceAt(second.messages));
    assert.doesNotMatch(second.html, /secret/);
    assert.ok(fenceAt((await engine.catalogue(typed, { path })).messages));
    assert.ok(fenceAt(await createEngine().check(typed, { path, mode: 'public' })));
  });

  const acceptedCases: Array<[string, string]> = [
    ['a plain block', ':::exempt\nsecret alpha\n:::\n'],
    ['a capitalised name', ':::Exempt\nsecret alpha\n:::\n'],
    ['a label', ':::exempt[Case notes]\nsecret alpha\n:::\n'],
    ['trailing spaces', ':::exempt  \nsecret alpha\n:::  \n'],
    ['up to three spaces of indent', '   :::exempt\nsecret alpha\n   :::\n'],
    [
      'more colons outside than in',
      '::::exempt\n:::indicator{id=OP1}\nsecret alpha\n:::\nsecret beta\n::::\n',
    ],
    [
      'a block inside a card',
      '::::indicator{id=OP1}\nPublic commentary.\n\n:::exempt\nsecret alpha\n:::\n::::\n',
    ],
    ['right after a paragraph', 'A public line.\n:::exempt\nsecret alpha\n:::\n'],
    ['code inside, fenced safely', ':::exempt\n```\nsecret alpha\n```\n:::\n'],
    ['CRLF with a blank line', ':::exempt\r\nsecret alpha\r\n\r\nsecret beta\r\n:::\r\n'],
    ['CR with a blank line', ':::exempt\rsecret alpha\r\rsecret beta\r:::\r'],
  ];
  for (const [name, block] of acceptedCases) {
    it(`removes ${name} and raises nothing`, async () => {
      const text = `${HEAD}${block}\nPublic closing words.\n`;
      const result = await createEngine().render(text, { path, mode: 'public' });
      assert.deepEqual(
        result.messages.filter((m) => m.severity === 'error').map((m) => m.reason),
        [],
      );
      assert.doesNotMatch(result.html, /secret/);
      assert.match(result.html, /Public closing words/);
      const exempt = await createEngine().render(text, { path, mode: 'exempt' });
      assert.match(exempt.html, /secret alpha/);
    });
  }

  it('leaves no dangling footnote link and no trace of an exempt footnote', async () => {
    const text = `${HEAD}Public claim[^smithcase] and a public note[^ok].\n\n[^ok]: A public footnote.\n\n:::exempt\n[^smithcase]: secret footnote about the family.\n:::\n`;
    const result = await createEngine().render(text, { path, mode: 'public' });
    assert.equal(result.refused, false, JSON.stringify(result.messages));
    assert.doesNotMatch(result.html, /smithcase|secret/);
    assert.match(result.html, /A public footnote/);
    // Every link within the page has its target, in the public export and the preview
    // (the sanitizer's id prefix once left every footnote link one prefix short).
    const preview = await createEngine().render(text, { path, mode: 'preview' });
    for (const html of [result.html, preview.html]) {
      const links = [...html.matchAll(/href="#([^"]+)"/g)].map((m) => m[1]);
      assert.ok(links.length >= 2);
      for (const target of links) assert.match(html, new RegExp(`id="${target}"`), target);
    }
  });

  it('the scan reads fences as authors mean them (innermost closed first)', () => {
    const scan = scanFences(':::exempt\n:::note\n:::\n:::\n\n:::\n::: exempt\n:::\n');
    assert.deepEqual(scan.regions, [
      { opener: 1, closer: 4, pandoc: false },
      { opener: 7, closer: 8, pandoc: true },
    ]);
    assert.deepEqual(scan.strays, [6]);
  });
});
