import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createEngine } from '../../src/engine/index.js';
import { MAX_LISTED_IDS } from '../../src/engine/directives/validate.js';
import {
  MAX_CONTAINERS,
  MAX_HTML_NESTING,
  MAX_INLINE_MARKERS,
  MAX_TABLE_ROWS,
  MAX_NESTING,
  workProblem,
} from '../../src/engine/report/work-limits.js';

const HEAD = '---\ntitle: Deep\n---\n\n';
const SAMPLES = fileURLToPath(new URL('../../samples/', import.meta.url));

/** Both faces answer with messages, never throw, and refuse with input-too-large at `line`. */
async function assertRefused(body: string, line: number, reason: RegExp): Promise<void> {
  const engine = createEngine();
  const path = '/tmp/deep.md';
  const checked = await engine.check(HEAD + body, { path });
  const rendered = await engine.render(HEAD + body, { path });
  for (const messages of [checked, rendered.messages]) {
    assert.deepEqual(
      messages.map((m) => [m.ruleId, m.severity, m.line]),
      [['input-too-large', 'error', line]],
    );
    assert.match(messages[0]?.reason ?? '', reason);
  }
  assert.equal(rendered.refused, true);
}

describe('bounded work: nesting and inline markup', function () {
  this.timeout(120_000);

  for (const [name, unit] of [
    ['block quotes', '>'],
    ['bullet lists', '- '],
    ['ordered lists', '1. '],
    ['mixed', '> - 1. * '],
  ] as const) {
    it(`refuses 2 KB of nested ${name} instead of overflowing the stack`, async () => {
      await assertRefused(
        `Intro\n\n${unit.repeat(Math.ceil(2048 / unit.length))}x\n`,
        7,
        /nested more than 32 deep/,
      );
    });
  }

  it('refuses lists nested by indentation, at the line that passes the limit', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => `${' '.repeat(2 * i)}- item ${i}`);
    await assertRefused(lines.join('\n') + '\n', 5 + MAX_NESTING, /nested more than 32 deep/);
  });

  it('accepts nesting up to the limit and ordinary lists, quotes and breaks', () => {
    const deep = Array.from({ length: MAX_NESTING }, (_, i) => `${' '.repeat(2 * i)}- item`).join(
      '\n',
    );
    assert.equal(workProblem(deep, '/r.md'), undefined);
    assert.equal(workProblem(`${'> '.repeat(MAX_NESTING)}x`, '/r.md'), undefined);
    assert.equal(
      workProblem('- - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - - -', '/r.md'),
      undefined,
    );
    const list = '- a\n  - b\n    - c\n\nText\n\n- d\n'.repeat(200);
    assert.equal(workProblem(list, '/r.md'), undefined);
  });

  it('refuses deeply nested author HTML (it overflowed the stack in render)', async () => {
    await assertRefused(
      `${'<div>'.repeat(5000)}x\n`,
      5,
      /HTML elements are nested more than 64 deep/,
    );
    await assertRefused(`a ${'<span>'.repeat(5000)}x\n`, 5, /nested more than 64 deep/);
    const fine =
      `${'<div>'.repeat(MAX_HTML_NESTING)}x${'</div>'.repeat(MAX_HTML_NESTING)}\n`.repeat(50);
    assert.equal(workProblem(fine + '<p>a<p>b<br><li>c'.repeat(200), '/r.md'), undefined);
  });

  for (const [name, unit, reason] of [
    ['emphasis markers', '*a', /more than 200 emphasis markers/],
    ['underscores', '_a ', /more than 200 emphasis markers/],
    ['nested labels', '[', /more than 200 link or label brackets/],
    ['link openers', '[a](', /link or label brackets/],
    ['image openers', '![', /link or label brackets/],
    ['backticks', '`a', /more than 200 backticks/],
  ] as const) {
    it(`refuses a paragraph of 100 KB of ${name}, pointing at the marker past the limit`, async () => {
      await assertRefused(`${unit.repeat(Math.ceil(100_000 / unit.length))}\n`, 5, reason);
      const text = unit.repeat(1000);
      const marker = /[*_[`]/.exec(unit)?.[0] ?? '';
      const past = [...text].findIndex(
        (char, i) =>
          char === marker && text.slice(0, i + 1).split(marker).length - 1 > MAX_INLINE_MARKERS,
      );
      assert.equal(workProblem(text, '/r.md')?.column, past + 1);
    });
  }

  it('counts inline markers per paragraph and per table cell, not across them', () => {
    const paragraph = '**bold** and [a link](https://example.org) and `code`. ';
    const paragraphs = `${paragraph.repeat(20)}\n\n`.repeat(200);
    assert.equal(workProblem(paragraphs, '/r.md'), undefined);
    const row = '| **OP1** | [a](b) | `x` | *y* |\n';
    assert.equal(
      workProblem(`| a | b | c | d |\n|---|---|---|---|\n${row.repeat(MAX_TABLE_ROWS)}`, '/r.md'),
      undefined,
    );
    assert.equal(workProblem(`\`\`\`\n${'*'.repeat(5000)}\n\`\`\`\n`, '/r.md'), undefined);
    assert.equal(workProblem('snake_case_name '.repeat(500), '/r.md'), undefined);
    assert.equal(workProblem('\\*'.repeat(500), '/r.md'), undefined);
  });

  it(`refuses a table of more than ${MAX_TABLE_ROWS} rows, at the first row past the limit`, async () => {
    const row = '| **1** | *2* | [3](u) | `4` |\n';
    const table = `| a | b | c | d |\n|---|---|---|---|\n${row.repeat(1997)}`;
    // The report's body starts on line 5 (after the front matter): header, delimiter, rows.
    await assertRefused(table, 5 + 2 + MAX_TABLE_ROWS, /more than 500 rows/);
    // Two tables of the limit each, apart, are two tables.
    const two = `| a |\n|---|\n${'| x |\n'.repeat(MAX_TABLE_ROWS)}\n`.repeat(2);
    assert.equal(workProblem(two, '/r.md'), undefined);
  });

  it(`refuses more than ${MAX_CONTAINERS} separate quotes, lists or footnotes in a report parsed whole (its time grows with their square)`, async () => {
    const footnotes = Array.from({ length: 4000 }, (_, i) => `a[^${i}]\n\n[^${i}]: n`).join('\n\n');
    const reason =
      /footnotes or link definitions and more than 200 separate lists, block quotes and footnotes/;
    await assertRefused(`${footnotes}\n`, 5 + 4 * MAX_CONTAINERS + 2, reason);
    // A link definition makes the report parse whole.
    const defined = '[a]: https://example.org\n\n';
    await assertRefused(defined + '> a\n\n'.repeat(4000), 7 + 2 * MAX_CONTAINERS, reason);
    await assertRefused(defined + '- a\n\npara\n\n'.repeat(4000), 7 + 4 * MAX_CONTAINERS, reason);
    // Parsed block by block, they cost no more than their text.
    assert.equal(workProblem('> a\n\n'.repeat(4000), '/r.md'), undefined);
    assert.equal(workProblem('- a\n\npara\n\n'.repeat(4000), '/r.md'), undefined);
    // The items of one list are one list, however many.
    assert.equal(workProblem(defined + '- a\n\n'.repeat(5000), '/r.md'), undefined);
    assert.equal(workProblem(defined + '- a\n  more\n- b\n'.repeat(3000), '/r.md'), undefined);
    assert.equal(workProblem(defined + '> a\n\n'.repeat(MAX_CONTAINERS), '/r.md'), undefined);
  });

  it('no sample or fixture report is refused', () => {
    const dirs = [SAMPLES, fileURLToPath(new URL('../fixtures/', import.meta.url))];
    let seen = 0;
    for (const dir of dirs) {
      for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
        if (!entry.endsWith('.md')) continue;
        seen++;
        const file = join(dir, entry);
        assert.equal(workProblem(readFileSync(file, 'utf8'), file), undefined, file);
      }
    }
    assert.ok(seen > 3);
  });

  it(`refuses a scorecard listing more than ${MAX_LISTED_IDS} ids, and takes one of ${MAX_LISTED_IDS}`, async () => {
    const ids = (n: number) => Array.from({ length: n }, (_, i) => `X${i}`).join(',');
    const messages = await createEngine().check(`${HEAD}::scorecard{ids="${ids(20_000)}"}\n`, {
      path: '/tmp/ids.md',
    });
    assert.deepEqual(
      messages.map((m) => [m.ruleId, m.line]),
      [['input-too-large', 5]],
    );
    assert.match(messages[0]?.reason ?? '', /lists 20000 ids, more than 300/);
    const fine = await createEngine().check(`${HEAD}::scorecard{ids="${ids(MAX_LISTED_IDS)}"}\n`, {
      path: '/tmp/ids.md',
    });
    assert.ok(fine.every((m) => !/more than 300/.test(m.reason)));
    assert.ok(fine.some((m) => m.ruleId === 'unknown-indicator'));
  });
});
