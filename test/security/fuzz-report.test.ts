import assert from 'node:assert/strict';
import { join } from 'node:path';
import fc from 'fast-check';
import { createEngine } from '../../src/engine/index.js';
import { DFE_DIR, SAMPLES, assertWellFormed } from './helpers.js';
import { createNodeHost } from '../../src/engine/index.js';

/** Pieces an author (or an attacker) might write; fast-check strings them together. */
const ids = fc.constantFrom('OP148', 'OP660', 'HY650', 'OP419', 'op148', 'NOPE', '', '"', '{}');
const attrValue = fc.oneof(
  ids,
  fc.constantFrom('2023/24 Q4', '2023/24', '2024-05', '9999/00 Q9', 'year', 'previous'),
  fc.string({ maxLength: 12 }),
);
const attrName = fc.constantFrom(
  'id',
  'period',
  'compare',
  'vs',
  'periods',
  'benchmarks',
  'ids',
  'tag',
  'title',
  'x',
  'on',
);
const attributes = fc
  .array(fc.tuple(attrName, attrValue, fc.boolean()), { maxLength: 4 })
  .map((pairs) =>
    pairs
      .map(([name, value, quoted]) => (quoted ? `${name}="${value}"` : `${name}=${value}`))
      .join(' '),
  );
const directiveName = fc.constantFrom(
  'value',
  'target',
  'rag',
  'change',
  'benchmark',
  'indicator',
  'chart',
  'scorecard',
  'exempt',
  'nonsense',
);
const directive = fc
  .tuple(
    fc.constantFrom(':', '::', ':::'),
    directiveName,
    attributes,
    fc.constantFrom('{', '<', '(', ''),
  )
  .map(([colons, name, attrs, open]) => {
    const close = open === '{' ? '}' : open === '<' ? '>' : open === '(' ? ')' : '';
    const text = `${colons}${name}${open}${attrs}${close}`;
    return colons === ':::' ? `\n${text}\ninside\n:::\n` : colons === '::' ? `\n${text}\n` : text;
  });
const markdown = fc.constantFrom(
  '\n# Heading\n',
  '\n| a | b |\n|---|---|\n| 1 | 2 |\n',
  '*em* **strong** `code`',
  '\n- item\n- item\n',
  '[link](https://example.org)',
  '![img](x.png)',
  '<div>',
  '</div>',
  '<script>alert(1)</script>',
  '\n> quote\n',
  '\n```\ncode\n```\n',
  '\n---\n',
  '&amp; &#0; &#x110000;',
  '\u0000',
  '\uFEFF',
  '\r\n',
);
const frontMatter = fc.oneof(
  fc.constant('---\ntitle: Fuzz\nperiod: 2023/24 Q4\ndata: data/indicators.yaml\n---\n'),
  fc.constant(
    '---\ndata: [data/indicators.yaml, dfe/data/haringey-dfe.yaml]\nclassification: exempt\n---\n',
  ),
  fc.string({ maxLength: 40 }).map((yaml) => `---\n${yaml}\n---\n`),
  fc.constant(''),
);
const report = fc
  .tuple(
    frontMatter,
    fc.array(
      fc.oneof(
        directive,
        markdown,
        fc.string({ maxLength: 30 }),
        fc.string({ unit: 'grapheme', maxLength: 10 }),
      ),
      { maxLength: 25 },
    ),
  )
  .map(([head, body]) => head + body.join(' '));

describe('fuzzing reports (any Markdown text)', function () {
  this.timeout(180_000);
  const engine = createEngine({
    allowedRoots: [DFE_DIR],
    host: createNodeHost({ dfeDataFolder: DFE_DIR }),
  });
  const path = join(SAMPLES, 'fuzz-report.md');

  it('renders and checks any report into HTML and messages, never throwing', async () => {
    await fc.assert(
      fc.asyncProperty(
        report,
        fc.constantFrom('preview', 'public', 'exempt'),
        async (text, mode) => {
          const result = await engine.render(text, { path, mode });
          assertWellFormed(result);
          assert.doesNotMatch(result.html, /<script(?![^>]*type="application\/ld\+json")/i);
          await engine.check(text, { path, mode });
          await engine.catalogue(text, { path });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('survives arbitrary text and binary-looking input', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.string({ maxLength: 400 }),
          fc.string({ unit: 'grapheme', maxLength: 200 }),
          fc.uint8Array({ maxLength: 300 }).map((bytes) => Buffer.from(bytes).toString('latin1')),
        ),
        async (text) => {
          assertWellFormed(await engine.render(text, { path }));
        },
      ),
      { numRuns: 300 },
    );
  });

  // Regressions found by the properties above, kept as plain cases.
  for (const [name, text] of [
    ['an unterminated front matter', '---\ntitle: x\n'],
    ['front matter that is a YAML list', '---\n- a\n- b\n---\n'],
    ['a directive with an empty id', ':value{id=""}'],
    ['an unclosed container', ':::indicator{id=OP148}\ntext'],
    ['nested containers', ':::indicator{id=OP148}\n:::indicator{id=OP660}\n:::\n:::'],
    ['a lone NUL', '\u0000'],
  ] as const) {
    it(`handles ${name}`, async () => {
      const text2 = `---\ndata: data/indicators.yaml\nperiod: 2023/24 Q4\n---\n${text}`;
      for (const input of [text, text2]) assertWellFormed(await engine.render(input, { path }));
    });
  }
});
