import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { createEngine } from '../../src/engine/index.js';

/**
 * Whatever shape a report takes, nothing written inside `:::exempt` (or in a report
 * classified exempt) may appear in the public export. Exempt text is built from words
 * that never occur elsewhere, so a single leaked word is detectable.
 */
const DATA = `indicators:
  - id: OP148
    title: Care leavers in education, employment or training
    unit: percent
    decimals: 0
    polarity: higher
    values:
      - { period: 2023/24 Q4, value: 58 }
`;

const secretWord = fc.stringMatching(/^[a-z]{4,8}$/).map((word) => `secret${word}`);
const publicWord = fc.stringMatching(/^[a-z]{3,8}$/).map((word) => `public${word}`);
const sentence = (word: fc.Arbitrary<string>) =>
  fc.array(word, { minLength: 1, maxLength: 6 }).map((words) => words.join(' '));

/** Exempt content in the places authors put it: alone, with directives, in lists, nested. */
const exemptBlock = fc.oneof(
  sentence(secretWord).map((s) => `:::exempt\n${s}\n:::`),
  sentence(secretWord).map((s) => `:::exempt\n- ${s}\n- :value{id=OP148} ${s}\n:::`),
  sentence(secretWord).map((s) => `:::exempt\n## ${s}\n\n> ${s}\n:::`),
  sentence(secretWord).map(
    (s) => `::::indicator{id=OP148}\nPublic commentary.\n\n:::exempt\n${s}\n:::\n::::`,
  ),
  sentence(secretWord).map((s) => `:::exempt\n| a | b |\n|---|---|\n| ${s} | x |\n:::`),
);
/** Ways of writing the block that the parser reads as exempt (they must be removed too). */
const wellFormedVariant = fc.oneof(
  sentence(secretWord).map((s) => `:::Exempt\n${s}\n:::`),
  sentence(secretWord).map((s) => `:::exempt[Case notes]\n${s}\n:::`),
  sentence(secretWord).map((s) => `   :::exempt  \n${s}\n\n${s}\n   :::`),
  sentence(secretWord).map((s) => `::::exempt\n:::indicator{id=OP148}\n${s}\n:::\n\n${s}\n::::`),
  sentence(secretWord).map((s) => `:::exempt\n\`\`\`\n${s}\n\`\`\`\n:::`),
);
/**
 * Ways the parser closes the block early or never opens it: each must be refused or, at
 * the very least, publish nothing of it.
 */
const brokenVariant = fc.oneof(
  sentence(secretWord).map((s) => `::: exempt\n${s}\n:::`),
  sentence(secretWord).map((s) => `::: {.exempt}\n${s}\n:::`),
  sentence(secretWord).map((s) => `:::exempt\n${s}\n\`\`\`\n:::\n\`\`\`\n${s}\n:::`),
  sentence(secretWord).map((s) => `:::exempt\n<pre>\n:::\n</pre>\n${s}\n:::`),
  sentence(secretWord).map((s) => `:::exempt\n<!--\n:::\n-->\n${s}\n:::`),
  sentence(secretWord).map((s) => `:::exempt\n:::indicator{id=OP148}\n${s}\n:::\n${s}\n:::`),
  sentence(secretWord).map((s) => `:::exempt\u00a0\n${s}\n:::`),
  sentence(secretWord).map((s) => `:::exempt[A]B]\n${s}\n:::`),
  sentence(secretWord).map((s) => `:::exempt{a="b\nc"}\n${s}\n:::`),
  sentence(secretWord).map((s) => `> :::exempt\n${s}\n> :::`),
  sentence(secretWord).map((s) => `:::exempt\n${s}\n`),
);
/** How the file ends its lines: LF, CRLF, CR, or a mix line by line. */
const lineEnds = fc.oneof(
  fc.constant((text: string) => text),
  fc.constant((text: string) => text.replace(/\n/g, '\r\n')),
  fc.constant((text: string) => text.replace(/\n/g, '\r')),
  fc
    .array(fc.constantFrom('\n', '\r\n', '\r'), { minLength: 1, maxLength: 7 })
    .map((ends) => (text: string) => {
      let i = 0;
      let last = -2;
      let previous = '';
      return text.replace(/\n/g, (_match, offset: number) => {
        let end = ends[i++ % ends.length] ?? '\n';
        // A CR before an empty line that ends in LF would be one CRLF, not two line ends.
        if (previous === '\r' && offset === last + 1 && end === '\n') end = '\r\n';
        last = offset;
        previous = end;
        return end;
      });
    }),
);
const publicBlock = fc.oneof(
  sentence(publicWord),
  sentence(publicWord).map((s) => `- ${s}\n- ${s}`),
  fc.constant('::indicator{id=OP148}'),
  sentence(publicWord).map((s) => `Figure :value{id=OP148}. ${s}`),
);

describe('exempt content never reaches the public export (property)', function () {
  this.timeout(120_000);
  let folder: string;
  before(() => {
    folder = mkdtempSync(join(tmpdir(), 'scorecard-exempt-'));
    writeFileSync(join(folder, 'data.yaml'), DATA);
  });
  after(() => rmSync(folder, { recursive: true, force: true }));

  it('removes every :::exempt block', async () => {
    const engine = createEngine();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(exemptBlock, publicBlock), { minLength: 1, maxLength: 8 }),
        async (blocks) => {
          const text = `---\ntitle: Report\nperiod: 2023/24 Q4\ndata: data.yaml\n---\n\n${blocks.join('\n\n')}\n`;
          const result = await engine.render(text, {
            path: join(folder, 'report.md'),
            mode: 'public',
          });
          assert.doesNotMatch(result.html, /secret[a-z]/);
          const exempt = await engine.render(text, {
            path: join(folder, 'report.md'),
            mode: 'exempt',
          });
          for (const word of text.match(/secret[a-z]+/g) ?? [])
            assert.ok(exempt.html.includes(word), `exempt export lost ${word}`);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('removes every exempt block, whatever its line ends and however its fences are written', async () => {
    const engine = createEngine();
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(exemptBlock, wellFormedVariant, brokenVariant, publicBlock), {
          minLength: 1,
          maxLength: 6,
        }),
        lineEnds,
        async (blocks, ends) => {
          const lf = `---\ntitle: Report\nperiod: 2023/24 Q4\ndata: data.yaml\n---\n\n${blocks.join('\n\n')}\n`;
          const text = ends(lf);
          const path = join(folder, 'report.md');
          const result = await engine.render(text, { path, mode: 'public' });
          assert.doesNotMatch(result.html, /secret[a-z]/);
          // Line ends never change the outcome: the same messages, at the same places.
          const asLf = await engine.render(lf, { path, mode: 'public' });
          const where = (r: typeof result) =>
            r.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`).join('\n');
          assert.equal(where(result), where(asLf));
          assert.equal(result.refused, asLf.refused);
          if (!result.refused) assert.equal(result.body, asLf.body);
          const exempt = await engine.render(text, { path, mode: 'exempt' });
          if (!exempt.refused) {
            for (const word of text.match(/secret[a-z]+/g) ?? [])
              assert.ok(exempt.html.includes(word), `exempt export lost ${word}`);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('refuses a report classified exempt and keeps all of its text out of the public document', async () => {
    const engine = createEngine();
    await fc.assert(
      fc.asyncProperty(
        fc.array(sentence(secretWord), { minLength: 1, maxLength: 5 }),
        async (paragraphs) => {
          const text = `---\ntitle: Part B\nclassification: exempt\ndata: data.yaml\n---\n\n${paragraphs.join('\n\n')}\n`;
          const result = await engine.render(text, {
            path: join(folder, 'report.md'),
            mode: 'public',
          });
          assert.equal(result.refused, true);
          assert.ok(
            result.messages.some((m) => m.ruleId === 'exempt-in-public' && m.severity === 'error'),
          );
          assert.doesNotMatch(result.html, /secret[a-z]/);
        },
      ),
      { numRuns: 30 },
    );
  });
});
